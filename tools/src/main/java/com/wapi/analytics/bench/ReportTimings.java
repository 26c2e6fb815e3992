package com.wapi.analytics.bench;

import com.wapi.analytics.report.Reports;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times every report for one workspace and period (median and slowest of N runs after a warm-up), and the delivery
 * report computed the way a user without this product would: straight from raw_events JSON in Postgres.
 */
final class ReportTimings {

    /** Delivery per broadcast from the raw webhook and platform JSON (docs/definitions.md, by hand). */
    static final String RAW_DELIVERY = """
            WITH events AS (
                SELECT convert_from(body, 'UTF8')::jsonb AS j FROM raw_events
                 WHERE source = 'platform' AND workspace_id = :workspace
            ), targeted AS (
                SELECT j->>'wamid' AS wamid, j->'source'->>'broadcast_id' AS broadcast_id, j->>'type' AS type
                  FROM events
                 WHERE j->>'type' IN ('message.sent', 'message.send_failed') AND j->'source'->>'kind' = 'broadcast'
                   AND (j->>'occurred_at')::timestamptz >= CAST(:from AS timestamptz)
                   AND (j->>'occurred_at')::timestamptz < CAST(:to AS timestamptz)
            ), statuses AS (
                SELECT s->>'id' AS wamid, s->>'status' AS status
                  FROM raw_events r,
                       jsonb_array_elements(convert_from(r.body, 'UTF8')::jsonb->'entry') e,
                       jsonb_array_elements(e->'changes') c,
                       jsonb_array_elements(c->'value'->'statuses') s
                 WHERE r.source = 'meta' AND c->'value'->'metadata'->>'phone_number_id' = :phone
            ), state AS (
                SELECT wamid, bool_or(status IN ('delivered', 'read')) AS delivered, bool_or(status = 'read') AS read,
                       bool_or(status = 'failed') AS failed
                  FROM statuses GROUP BY wamid
            )
            SELECT broadcast_id, count(*) AS targeted, count(*) FILTER (WHERE type = 'message.sent') AS sent,
                   count(*) FILTER (WHERE delivered) AS delivered, count(*) FILTER (WHERE read) AS read,
                   count(*) FILTER (WHERE type = 'message.send_failed' OR (failed AND NOT coalesce(delivered, false))) AS failed
              FROM targeted LEFT JOIN state USING (wamid)
             GROUP BY broadcast_id ORDER BY broadcast_id""";

    private ReportTimings() {
    }

    record Timing(String name, double medianMs, double maxMs, int rows) {
    }

    static List<Timing> reports(Reports reports, String workspace, LocalDate from, LocalDate to, int runs) {
        List<Timing> timings = new ArrayList<>();
        for (String name : reports.names()) {
            timings.add(time(name, runs, () -> reports.run(name, workspace, from, to).sections().stream()
                    .mapToInt(s -> s.rows().size()).sum()));
        }
        return timings;
    }

    static Timing raw(JdbcClient postgres, String workspace, String phone, LocalDate from, LocalDate to, int runs) {
        return time("delivery from raw JSON", runs, () -> postgres.sql(RAW_DELIVERY).param("workspace", workspace)
                .param("phone", phone).param("from", from.toString()).param("to", to.plusDays(1).toString())
                .query().listOfRows().size());
    }

    static Timing time(String name, int runs, Supplier<Integer> work) {
        int rows = work.get(); // warm-up
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        return new Timing(name, ms.get(ms.size() / 2), ms.get(ms.size() - 1), rows);
    }

    static void print(PrintWriter out, Timing t) {
        out.printf("%-24s median %8.1f ms   slowest %8.1f ms   rows %d%n", t.name(), t.medianMs(), t.maxMs(), t.rows());
    }
}
