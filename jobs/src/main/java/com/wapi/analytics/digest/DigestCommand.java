package com.wapi.analytics.digest;

import com.wapi.analytics.jobs.InstanceRunner;
import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.console.ExitCodes;
import com.wapi.analytics.mail.HeldEmails;
import com.wapi.analytics.mail.SendLedger;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "digest", mixinStandardHelpOptions = true,
        description = {"One owner digest now: the organization's figures for one local day, mailed to its owner.",
                "A digest already sent is not sent again; --resend releases one that may have gone (a claim left by a crash,"
                        + " or an SMTP hand-off whose outcome is unknown: uncertain)."})
public class DigestCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Option(names = "--org", required = true) String org;
    @Option(names = "--date", required = true, description = "local day, YYYY-MM-DD") LocalDate date;
    @Option(names = "--preview", paramLabel = "FILE", description = "write the HTML to FILE instead of mailing") Path preview;
    @Option(names = "--resend", description = "after checking the owner's inbox: send a claimed or uncertain digest again, though it may have gone")
    boolean resend;

    private final OrganizationRepository organizations;
    private final DigestAssembler assembler;
    private final Templates templates;
    private final DigestRunner runner;
    private final SendLedger ledger;

    public DigestCommand(OrganizationRepository organizations, DigestAssembler assembler, Templates templates,
            DigestRunner runner, SendLedger ledger) {
        this.organizations = organizations;
        this.assembler = assembler;
        this.templates = templates;
        this.runner = runner;
        this.ledger = ledger;
    }

    @Override
    public Integer call() throws Exception {
        Organization organization = organizations.findById(org).orElseThrow(() -> new InvalidInputException(
                "unknown organization '" + org + "': list them with `scripts/wapi org list`"));
        var out = spec.commandLine().getOut();
        if (preview != null) {
            String html = templates.render("digest.html.ftlh", Map.of("d", assembler.assemble(organization, date)));
            Files.writeString(preview, html, StandardCharsets.UTF_8);
            out.println("preview written to " + preview);
            return ExitCodes.OK;
        }
        if (resend && ledger.release(HeldEmails.digest(org, date).key())) {
            out.println("released the held digest of " + org + " " + date + " for resending");
        }
        InstanceRunner.Result result = runner.run(org, date, false);
        if (result.outcome() == InstanceRunner.Outcome.BUSY) {
            spec.commandLine().getErr().println("error: this digest is being sent by another process right now");
            return ExitCodes.FAILED;
        }
        var execution = result.execution();
        out.printf("digest %s %s: %s (%s), execution %d%n", org, date, execution.getStatus(),
                execution.getExitStatus().getExitCode(), execution.getId());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            execution.getAllFailureExceptions().stream().findFirst()
                    .ifPresent(e -> spec.commandLine().getErr().println("error: " + ExitCodes.rootMessage(e)));
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
