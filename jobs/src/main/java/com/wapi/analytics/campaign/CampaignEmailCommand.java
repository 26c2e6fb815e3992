package com.wapi.analytics.campaign;

import com.wapi.analytics.console.ExitCodes;
import com.wapi.analytics.jobs.InstanceRunner;
import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.SendLedger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "campaign-email", mixinStandardHelpOptions = true,
        description = {"One broadcast's completion email now, to its workspace's admins, unless it was sent already.",
                "--resend releases one that may have gone (a claim left by a crash, or an SMTP hand-off whose outcome "
                        + "is unknown: uncertain) after checking the admins' inboxes."})
public class CampaignEmailCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Option(names = "--workspace", required = true, paramLabel = "W") String workspace;
    @Option(names = "--broadcast", required = true, paramLabel = "ID") String broadcast;
    @Option(names = "--resend", description = "send a claimed or uncertain email again, though it may have gone")
    boolean resend;

    private final CampaignEmailRunner runner;
    private final SendLedger ledger;

    public CampaignEmailCommand(CampaignEmailRunner runner, SendLedger ledger) {
        this.runner = runner;
        this.ledger = ledger;
    }

    @Override
    public Integer call() throws Exception {
        if (resend && ledger.release(HeldEmails.campaign(workspace, broadcast).key())) {
            spec.commandLine().getOut().println("released the held completion email of " + broadcast + " for resending");
        }
        InstanceRunner.Result result = runner.run(workspace, broadcast);
        String summary = result.summary();
        spec.commandLine().getOut().printf("campaign %s %s: %s%n", workspace, broadcast, summary);
        return summary.startsWith("COMPLETED") || result.outcome() == InstanceRunner.Outcome.ALREADY_DONE
                ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
