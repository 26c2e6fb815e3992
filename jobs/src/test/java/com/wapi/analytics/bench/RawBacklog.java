package com.wapi.analytics.bench;

import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.io.BufferedWriter;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.sql.Connection;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/** A backlog of generated raw events for benchmarks and tests: the bench workspaces, then one COPY into raw_events. */
public final class RawBacklog {

    private RawBacklog() {
    }

    /** Returns how many raw events were written. */
    public static long land(DataSource dataSource, Setup setup, long events, int workspaces, long seed)
            throws Exception {
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
        return written;
    }
}
