package com.wapi.analytics.digest;

import com.wapi.analytics.console.ExitCodes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "digest-tick", mixinStandardHelpOptions = true,
        description = {"What the scheduler runs every 5 minutes: the digest of yesterday for every organization "
                + "whose local 09:00 has passed and whose digest is not done yet (campaign emails: campaign-tick).",
                "An email waits (DEFERRED) until the etl has loaded every event of its period; one that may have gone "
                        + "(UNCERTAIN) waits for a deliberate --resend."})
public class DigestTickCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Option(names = "--now", description = "pretend it is this instant (ISO-8601 with offset), e.g. 2026-11-02T09:05:00+05:30")
    OffsetDateTime now;

    private final DigestTick tick;

    public DigestTickCommand(DigestTick tick) {
        this.tick = tick;
    }

    @Override
    public Integer call() throws Exception {
        int code = ExitCodes.OK;
        Instant at = now == null ? Instant.now() : now.toInstant();
        for (DigestTick.Due due : tick.tick(at)) {
            spec.commandLine().getOut().printf("%s %s: %s%n", due.organizationId(), due.date(), due.outcome());
            if (due.outcome().startsWith("FAILED")) {
                code = ExitCodes.FAILED;
            }
        }
        return code;
    }
}
