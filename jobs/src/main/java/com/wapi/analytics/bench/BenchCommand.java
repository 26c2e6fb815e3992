package com.wapi.analytics.bench;

import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.io.BufferedWriter;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.sql.Connection;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Helpers of the benchmark scripts in scripts/; not part of the product's interface. */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Benchmark helpers used by scripts/bench-*.",
        subcommands = {BenchCommand.GenerateRaw.class})
public class BenchCommand {

    @Command(name = "generate-raw", mixinStandardHelpOptions = true,
            description = "Set up bench workspaces and COPY realistic raw events into raw_events.")
    static class GenerateRaw implements Callable<Integer> {

        @Spec CommandSpec spec;
        @Option(names = "--events", defaultValue = "2000000") long events;
        @Option(names = "--workspaces", defaultValue = "10") int workspaces;
        @Option(names = "--seed", defaultValue = "42") long seed;

        private final DataSource dataSource;
        private final Setup setup;

        GenerateRaw(DataSource dataSource, Setup setup) {
            this.dataSource = dataSource;
            this.setup = setup;
        }

        @Override
        public Integer call() throws Exception {
            setup.createOrganization("bench-org", "Bench", "UTC", "bench@wapi.test", false, Organization.EmptyDayMode.skip);
            for (int ws = 0; ws < workspaces; ws++) {
                setup.createWorkspace(RawEventGenerator.workspace(ws), "bench-org", "Bench " + ws);
                setup.addPhoneNumber(RawEventGenerator.workspace(ws), RawEventGenerator.phoneNumberId(ws),
                        RawEventGenerator.WABA, null);
            }
            PipedWriter writer = new PipedWriter();
            PipedReader reader = new PipedReader(writer, 1 << 20);
            long written;
            try (Connection connection = dataSource.getConnection()) {
                CompletableFuture<Long> copy = CompletableFuture.supplyAsync(() -> {
                    try {
                        return connection.unwrap(PGConnection.class).getCopyAPI()
                                .copyIn("COPY raw_events (source, workspace_id, body) FROM STDIN", reader);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                try (BufferedWriter out = new BufferedWriter(writer, 1 << 20)) {
                    written = new RawEventGenerator(seed, workspaces, out).generate(events,
                            Instant.parse("2026-11-01T08:00:00Z"));
                }
                copy.join();
            }
            spec.commandLine().getOut().println(written);
            return 0;
        }
    }
}
