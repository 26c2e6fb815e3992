package com.wapi.analytics.report;

import com.wapi.analytics.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/**
 * Per flow: the runs started in the period and how they ended, time to complete, the step funnel with its
 * drop-off, the most frequent step outputs, and the conversations, conversions and revenue attributed to the flow
 * (the attribution views of clickhouse/004_conversations.sql); moves of completion and conversion against the
 * previous period are flagged. One run's steps with their inputs and outputs: {@link #run}.
 */
@Component
class FlowsReport implements OperationalReport {

    static final String NAME = "flows";
    /** A run is followed this long past the period's end (and its start looked for this long before the period). */
    static final long HORIZON_DAYS = 7;
    static final int TOP_OUTPUTS = 3;

    /** The runs whose first event falls in the period: flow_id, flow_run_id, started_at, outcome ('' while running), ended_at. */
    private static final String RUNS = """
            SELECT flow_id, flow_run_id, min(event_time) AS started_at, argMaxIf(outcome, event_time, kind = 'completed') AS outcome,
                   maxIf(event_time, kind = 'completed') AS ended_at
              FROM flow_events FINAL
             WHERE workspace_id = :workspace
               AND event_time >= toDateTime(:from, 'UTC') - :horizon AND event_time < toDateTime(:to, 'UTC') + :horizon
             GROUP BY flow_id, flow_run_id
            HAVING started_at >= toDateTime(:from, 'UTC') AND started_at < toDateTime(:to, 'UTC')""";

    private static final String SUMMARY = """
            SELECT flow_id, count(), countIf(outcome IN ('completed', 'converted')), countIf(outcome = 'converted'),
                   countIf(outcome = 'abandoned'), countIf(outcome = 'failed'), countIf(outcome = ''),
                   quantileExactIf(0.5)(toUInt32(ended_at) - toUInt32(started_at), outcome IN ('completed', 'converted')),
                   quantileExactIf(0.9)(toUInt32(ended_at) - toUInt32(started_at), outcome IN ('completed', 'converted'))
              FROM (%s)
             GROUP BY flow_id""".formatted(RUNS);

    /** Each step with the runs that reached it and its mean position among the steps of each run, first reach first. */
    private static final String STEPS = """
            SELECT flow_id, step.2 AS step_id, any(step.3), count(), avg(position) AS mean_position
              FROM
              (
                  SELECT flow_id, flow_run_id, arraySort(groupArray((first_at, step_id, step_name))) AS steps
                    FROM
                    (
                        SELECT flow_id, flow_run_id, step_id, any(step_name) AS step_name, min(toUInt32(event_time)) AS first_at
                          FROM flow_events FINAL
                         WHERE workspace_id = :workspace AND kind = 'step'
                           AND event_time >= toDateTime(:from, 'UTC') - :horizon AND event_time < toDateTime(:to, 'UTC') + :horizon
                           AND flow_run_id IN (SELECT flow_run_id FROM (%1$s))
                         GROUP BY flow_id, flow_run_id, step_id
                    )
                   GROUP BY flow_id, flow_run_id
              )
              ARRAY JOIN steps AS step, arrayEnumerate(steps) AS position
             GROUP BY flow_id, step_id
             ORDER BY flow_id, mean_position, step_id""".formatted(RUNS);

    private static final String OUTPUTS = """
            SELECT flow_id, step_id, output, uniqExact(flow_run_id) AS runs
              FROM flow_events FINAL
             WHERE workspace_id = :workspace AND kind = 'step' AND output != ''
               AND event_time >= toDateTime(:from, 'UTC') - :horizon AND event_time < toDateTime(:to, 'UTC') + :horizon
               AND flow_run_id IN (SELECT flow_run_id FROM (%s))
             GROUP BY flow_id, step_id, output
             ORDER BY flow_id, step_id, runs DESC, output
             LIMIT %d BY flow_id, step_id""".formatted(RUNS, TOP_OUTPUTS);

    private static final String RUN = """
            SELECT toUInt32(event_time), kind, flow_id, step_id, step_name, status, outcome, input, output
              FROM flow_events FINAL
             WHERE workspace_id = :workspace AND flow_run_id = :run
             ORDER BY event_time, kind DESC, event_id""";

    private final FactQueries facts;
    private final AttributionWindows windows;

    FlowsReport(FactQueries facts, AttributionWindows windows) {
        this.facts = facts;
        this.windows = windows;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** One flow's runs in a period; rates are null without runs. */
    private static final class Flow {
        long started, completed, converted, abandoned, failed, running, conversations, conversions;
        Long p50, p90;
        Flow previous;

        Double completionRate() {
            return started == 0 ? null : (double) completed / started;
        }

        Double conversionRate() {
            return started == 0 ? null : (double) converted / started;
        }
    }

    @Override
    public Report build(ReportPeriod period) {
        CompletableFuture<Map<String, Flow>> before = facts.async(() -> summary(period.previous()));
        AttributionWindows.InUse inUse = windows.inUse();
        CompletableFuture<List<Object[]>> conversations = facts.rows(AttributionReport.conversations(facts, inUse, period),
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)});
        CompletableFuture<List<Object[]>> conversions = facts.rows(AttributionReport.conversions(facts, inUse, period),
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        AttributionReport.amount(rs.getBigDecimal(5))});
        CompletableFuture<Section> outputs = facts.async(() -> outputs(period));
        Map<String, Flow> flows = summary(period);
        Section steps = steps(period, flows);
        FactQueries.get(before).forEach((id, p) -> {
            Flow f = flows.get(id);
            if (f != null) {
                f.previous = p;
            }
        });
        for (Object[] row : FactQueries.get(conversations)) {
            if (row[0].equals("flow")) {
                flows.computeIfAbsent((String) row[1], k -> new Flow()).conversations = (Long) row[2];
            }
        }
        Section revenue = new Section("revenue", "Conversions and revenue attributed, per currency", Column.text("flow_id"),
                Column.text("currency"), Column.count("conversions"), Column.amount("revenue"));
        for (Object[] row : FactQueries.get(conversions)) {
            if (row[0].equals("flow")) {
                flows.computeIfAbsent((String) row[1], k -> new Flow()).conversions += (Long) row[3];
                revenue.add(row[1], row[2], row[3], row[4]);
            }
        }

        Section summary = new Section("flows", "Per flow: runs started in the period", Column.text("flow_id"),
                Column.count("started"), Column.count("completed"), Column.count("converted"), Column.count("abandoned"),
                Column.count("failed"), Column.count("in_progress"), Column.rate("completion_rate"),
                Column.rateChange("completion_rate_change"), Column.rate("conversion_rate"),
                Column.rateChange("conversion_rate_change"), Column.seconds("time_to_complete_p50"),
                Column.seconds("time_to_complete_p90"), Column.count("conversations"), Column.count("conversions"),
                Column.text("flags"));
        flows.forEach((id, f) -> {
            List<String> flags = new ArrayList<>();
            Double completionChange = change("completion rate", f.completionRate(), f.previous == null ? null : f.previous.completionRate(), flags);
            Double conversionChange = change("conversion rate", f.conversionRate(), f.previous == null ? null : f.previous.conversionRate(), flags);
            summary.add(id, f.started, f.completed, f.converted, f.abandoned, f.failed, f.running, f.completionRate(),
                    completionChange, f.conversionRate(), conversionChange, f.p50, f.p90, f.conversations, f.conversions,
                    String.join("; ", flags));
        });
        return new Report(NAME, period, List.of(summary, steps, FactQueries.get(outputs), revenue),
                List.of(Definitions.day(period), Definitions.FLOW_RUNS.formatted(HORIZON_DAYS), Definitions.FLOW_STEPS,
                        Definitions.FLOW_OUTPUTS.formatted(TOP_OUTPUTS), Definitions.PERCENTILES, Definitions.TOUCH,
                        Definitions.FLOW_ATTRIBUTION, Definitions.change(period), Definitions.FLOW_FLAG, Definitions.ONCE));
    }

    private Map<String, Flow> summary(ReportPeriod period) {
        Map<String, Flow> flows = new TreeMap<>();
        runs(SUMMARY, period).query(rs -> {
            Flow f = flows.computeIfAbsent(rs.getString(1), k -> new Flow());
            f.started = rs.getLong(2);
            f.completed = rs.getLong(3);
            f.converted = rs.getLong(4);
            f.abandoned = rs.getLong(5);
            f.failed = rs.getLong(6);
            f.running = rs.getLong(7);
            f.p50 = f.completed == 0 ? null : rs.getLong(8);
            f.p90 = f.completed == 0 ? null : rs.getLong(9);
        });
        return flows;
    }

    private Section steps(ReportPeriod period, Map<String, Flow> flows) {
        Section steps = new Section("steps", "Step funnel: runs that reached each step, in the order runs reached them",
                Column.text("flow_id"), Column.count("position"), Column.text("step_id"), Column.text("step_name"),
                Column.count("reached"), Column.count("drop_off"), Column.rate("drop_off_rate"));
        String[] flow = {null};
        long[] position = {0};
        long[] before = {0};
        runs(STEPS, period).query(rs -> {
            if (!rs.getString(1).equals(flow[0])) {
                flow[0] = rs.getString(1);
                position[0] = 0;
                before[0] = flows.get(flow[0]).started;
            }
            long reached = rs.getLong(4);
            long drop = before[0] - reached;
            steps.add(flow[0], ++position[0], rs.getString(2), rs.getString(3), reached, drop,
                    before[0] == 0 ? null : (double) drop / before[0]);
            before[0] = reached;
        });
        return steps;
    }

    private Section outputs(ReportPeriod period) {
        Section outputs = new Section("outputs", "Most frequent step outputs", Column.text("flow_id"), Column.text("step_id"),
                Column.text("output"), Column.count("runs"));
        runs(OUTPUTS, period).query(rs -> {
            outputs.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
        });
        return outputs;
    }

    private StatementSpec runs(String sql, ReportPeriod period) {
        return facts.sql(sql, period).param("horizon", HORIZON_DAYS * 86400);
    }

    private static Double change(String metric, Double now, Double then, List<String> flags) {
        if (now == null || then == null) {
            return null;
        }
        double move = now - then;
        if (Math.abs(move) >= TrendsReport.RATE_MOVE - 1e-9) {
            flags.add(String.format(Locale.ROOT, "%s %+.1f pts vs the previous period", metric, move * 100));
        }
        return move;
    }

    /** One run's events in order, with each step's input and output, for diagnosis; {@code workspace} gives the zone. */
    Report run(ReportPeriod workspace, String runId) {
        Section events = new Section("run", "Flow run " + runId, Column.time("time"), Column.text("kind"),
                Column.text("flow_id"), Column.text("step_id"), Column.text("step_name"), Column.text("status"),
                Column.text("outcome"), Column.text("input"), Column.text("output"));
        long[] span = {Long.MAX_VALUE, 0};
        facts.sql(RUN, workspace).param("run", runId).query(rs -> {
            long at = rs.getLong(1);
            span[0] = Math.min(span[0], at);
            span[1] = Math.max(span[1], at);
            events.add(workspace.local(at), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
        });
        if (events.rows().isEmpty()) {
            throw new InvalidInputException("no flow run " + runId + " in workspace " + workspace.workspaceId()
                    + ": the flows report's outputs and the flow's events name its runs");
        }
        ReportPeriod period = new ReportPeriod(workspace.workspace(), workspace.organization(), day(workspace, span[0]),
                day(workspace, span[1]));
        return new Report(NAME, period, List.of(events), List.of(Definitions.day(period), Definitions.FLOW_RUN));
    }

    private static LocalDate day(ReportPeriod period, long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).atZone(period.zone()).toLocalDate();
    }
}
