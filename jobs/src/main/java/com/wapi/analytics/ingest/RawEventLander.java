package com.wapi.analytics.ingest;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Lands raw events durably with group commit: concurrent requests queue their rows, one writer thread inserts
 * everything pending in a single statement (one commit, one WAL flush), then completes each request with its own
 * outcome. A request is answered only after its rows are committed; a failed statement fails every request in it.
 * {@link LandingHealthIndicator} reports DOWN if the writer stops or stalls.
 */
@Component
class RawEventLander implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RawEventLander.class);

    /**
     * Inserts the keys that are new to raw_event_keys and the rows that carry them, in one statement (data-modifying
     * WITH clauses always run to completion), in arrival order; returns the keys inserted. The keys sent are distinct:
     * a repeat within the batch is a duplicate without being sent.
     */
    private static final String LAND = """
            WITH input AS (
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bytea[]) WITH ORDINALITY
                    AS i(dedup_key, source, workspace_id, route_key, body, ord)),
            fresh AS (
                INSERT INTO raw_event_keys (dedup_key) SELECT dedup_key FROM input
                ON CONFLICT DO NOTHING RETURNING dedup_key),
            landed AS (
                INSERT INTO raw_events (source, workspace_id, route_key, body)
                SELECT source, workspace_id, route_key, body FROM input JOIN fresh USING (dedup_key) ORDER BY ord)
            SELECT dedup_key FROM fresh""";

    /** One request's rows and, once committed, which of them were new (false: a repeat). */
    record Landing(List<RawRow> rows, CompletableFuture<boolean[]> done) {
    }

    private final DataSource dataSource;
    private final IngestProperties properties;
    private final BlockingQueue<Landing> queue;
    private final DistributionSummary batchSizes;
    private final Thread writer;
    private volatile boolean running = true;
    private volatile long writerLoop = System.nanoTime();

    RawEventLander(DataSource dataSource, IngestProperties properties, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.batchSizes = DistributionSummary.builder("wapi.ingest.batch.rows")
                .description("raw events per group commit").register(meters);
        this.writer = new Thread(this::drain, "raw-event-lander");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Completes with one flag per row (true: stored now, false: stored before), or fails if nothing was committed. */
    CompletableFuture<boolean[]> land(List<RawRow> rows) {
        Landing landing = new Landing(rows, new CompletableFuture<>());
        if (rows.isEmpty()) {
            landing.done().complete(new boolean[0]);
        } else if (!writer.isAlive()) {
            landing.done().completeExceptionally(new IllegalStateException("the landing writer has stopped"));
        } else if (!queue.offer(landing)) {
            landing.done().completeExceptionally(new IllegalStateException("landing queue full"));
        }
        return landing.done();
    }

    /** How long ago the writer last came round its loop (it does every 200 ms when idle). */
    long millisSinceWriterLoop() {
        return writer.isAlive() ? (System.nanoTime() - writerLoop) / 1_000_000 : Long.MAX_VALUE;
    }

    int waiting() {
        return queue.size();
    }

    /** Anything thrown fails the batch in hand (its requests answer 503) and the writer goes on. */
    private void drain() {
        List<Landing> batch = new ArrayList<>();
        while (running) {
            writerLoop = System.nanoTime();
            try {
                Landing first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int rows = first.rows().size();
                Landing next;
                while (rows < properties.maxBatchRows() && (next = queue.poll()) != null) {
                    batch.add(next);
                    rows += next.rows().size();
                }
                commit(batch, rows);
            } catch (InterruptedException e) {
                // only destroy() stops the writer, through running
            } catch (Throwable e) {
                log.error("raw event landing failed for {} request(s); they answer 503", batch.size(), e);
                batch.forEach(l -> l.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Landing> batch, int rows) throws SQLException {
        UUID[] keys = new UUID[rows];
        String[] sources = new String[rows];
        String[] workspaces = new String[rows];
        String[] routes = new String[rows];
        byte[][] bodies = new byte[rows][];
        Set<UUID> inBatch = new HashSet<>();
        int n = 0;
        for (Landing landing : batch) {
            for (RawRow row : landing.rows()) {
                if (inBatch.add(row.dedupKey())) {
                    keys[n] = row.dedupKey();
                    sources[n] = row.source();
                    workspaces[n] = row.workspaceId();
                    routes[n] = row.routeKey();
                    bodies[n] = row.body();
                    n++;
                }
            }
        }
        Set<UUID> fresh = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(LAND)) {
            c.setAutoCommit(true);
            st.setArray(1, c.createArrayOf("uuid", Arrays.copyOf(keys, n)));
            st.setArray(2, c.createArrayOf("text", Arrays.copyOf(sources, n)));
            st.setArray(3, c.createArrayOf("text", Arrays.copyOf(workspaces, n)));
            st.setArray(4, c.createArrayOf("text", Arrays.copyOf(routes, n)));
            st.setArray(5, c.createArrayOf("bytea", Arrays.copyOf(bodies, n)));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
        }
        batchSizes.record(rows);
        for (Landing landing : batch) {
            boolean[] stored = new boolean[landing.rows().size()];
            for (int k = 0; k < stored.length; k++) {
                // the first row with a fresh key in this batch owns it; a repeat in the same batch is a duplicate
                stored[k] = fresh.remove(landing.rows().get(k).dedupKey());
            }
            landing.done().complete(stored);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(5000);
    }
}
