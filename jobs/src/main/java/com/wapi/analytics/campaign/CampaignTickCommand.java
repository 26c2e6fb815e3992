package com.wapi.analytics.campaign;

import com.wapi.analytics.console.ExitCodes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "campaign-tick", mixinStandardHelpOptions = true,
        description = {"What the scheduler runs every 5 minutes: the completion email of every broadcast that finished "
                + "(or turned 24 hours old) to its workspace's admins, once.",
                "An email waits (DEFERRED) until the etl has loaded the broadcast's events; one that may have gone "
                        + "(UNCERTAIN) waits for a deliberate campaign-email --resend."})
public class CampaignTickCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Option(names = "--now", description = "pretend it is this instant (ISO-8601 with offset), e.g. 2026-11-02T18:00:00+05:30")
    OffsetDateTime now;

    private final CampaignTick tick;

    public CampaignTickCommand(CampaignTick tick) {
        this.tick = tick;
    }

    @Override
    public Integer call() throws Exception {
        int code = ExitCodes.OK;
        for (CampaignTick.Due due : tick.tick(now == null ? Instant.now() : now.toInstant())) {
            spec.commandLine().getOut().printf("campaign %s %s: %s%n", due.workspaceId(), due.broadcastId(), due.outcome());
            if (due.outcome().startsWith("FAILED")) {
                code = ExitCodes.FAILED;
            }
        }
        return code;
    }
}
