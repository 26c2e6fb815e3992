package com.wapi.analytics.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Per agent and per team: the audit log's actions in the period, the resolution rate, first response and
 * resolution times (wall-clock and in business hours) with the share within the SLA, and who is buried: open
 * conversations now and the oldest customer message still waiting for a reply.
 */
@Component
class AgentsReport implements OperationalReport {

    static final String NAME = "agents";
    /** An agent is buried with this many conversations waiting, or one waiting longer than an hour. */
    static final int BURIED_WAITING = 5;
    static final long BURIED_SECONDS = 3600;

    private static final String ACTIVITY = """
            SELECT agent_id, countIf(action = 'assigned'), countIf(action = 'takeover'), countIf(action = 'reply'),
                   countIf(action = 'resolved')
              FROM agent_actions FINAL
             WHERE workspace_id = :workspace AND event_time >= toDateTime(:from, 'UTC') AND event_time < toDateTime(:to, 'UTC')
               AND agent_id != ''
             GROUP BY agent_id""";

    private static final String RESOLUTION = """
            SELECT agent_id, count() AS handled, sum(resolved) AS resolved_now
              FROM
              (
                  SELECT DISTINCT agent_id, conversation_id
                    FROM agent_actions FINAL
                   WHERE workspace_id = :workspace AND event_time >= toDateTime(:from, 'UTC') AND event_time < toDateTime(:to, 'UTC')
                     AND action IN ('assigned', 'takeover') AND agent_id != ''
              )
              ANY LEFT JOIN
              (
                  SELECT conversation_id, resolved FROM conversation_facts WHERE workspace_id = :workspace
              ) USING (conversation_id)
             GROUP BY agent_id""";

    private static final String OPEN_NOW = """
            SELECT agent_id, count(), countIf(waiting_since > toDateTime(0, 'UTC')),
                   toUInt32(minIf(waiting_since, waiting_since > toDateTime(0, 'UTC')))
              FROM conversation_facts
             WHERE workspace_id = :workspace AND resolved = 0 AND agent_id != ''
             GROUP BY agent_id""";

    private static final String TEAMS = """
            SELECT agent_id, argMax(team_id, event_time)
              FROM agent_actions FINAL
             WHERE workspace_id = :workspace AND team_id != '' AND agent_id != ''
             GROUP BY agent_id""";

    private final FactQueries facts;
    private final ServiceTimes serviceTimes;

    AgentsReport(FactQueries facts, ServiceTimes serviceTimes) {
        this.facts = facts;
        this.serviceTimes = serviceTimes;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** One agent's (or team's) figures; counts add up from agents to teams. */
    private static final class Figures {
        long assignments, takeovers, replies, resolutions, handled, resolvedNow, open, waiting, oldestWaiting;
        final Distribution firstResponses = new Distribution();
        final Distribution resolutionTimes = new Distribution();

        void add(Figures other) {
            assignments += other.assignments;
            takeovers += other.takeovers;
            replies += other.replies;
            resolutions += other.resolutions;
            handled += other.handled;
            resolvedNow += other.resolvedNow;
            open += other.open;
            waiting += other.waiting;
            firstResponses.addAll(other.firstResponses);
            resolutionTimes.addAll(other.resolutionTimes);
            if (other.oldestWaiting > 0 && (oldestWaiting == 0 || other.oldestWaiting < oldestWaiting)) {
                oldestWaiting = other.oldestWaiting;
            }
        }
    }

    @Override
    public Report build(ReportPeriod period) {
        // the queries are independent: each runs beside the others and the figures are put together here
        CompletableFuture<List<Counts>> activity = counts(ACTIVITY, period, 4);
        CompletableFuture<List<Counts>> resolution = counts(RESOLUTION, period, 2);
        CompletableFuture<List<Counts>> openNow = counts(OPEN_NOW, period, 3);
        CompletableFuture<Map<String, String>> teamsOf = facts.async(() -> {
            Map<String, String> teams = new TreeMap<>();
            facts.sql(TEAMS, period).query(rs -> {
                teams.put(rs.getString(1), rs.getString(2));
            });
            return teams;
        });
        ServiceTimes.Times times = serviceTimes.load(period);
        Map<String, Figures> agents = new TreeMap<>();
        for (Counts c : FactQueries.get(activity)) {
            Figures f = agents.computeIfAbsent(c.agent(), k -> new Figures());
            f.assignments = c.values()[0];
            f.takeovers = c.values()[1];
            f.replies = c.values()[2];
            f.resolutions = c.values()[3];
        }
        for (Counts c : FactQueries.get(resolution)) {
            Figures f = agents.computeIfAbsent(c.agent(), k -> new Figures());
            f.handled = c.values()[0];
            f.resolvedNow = c.values()[1];
        }
        for (Counts c : FactQueries.get(openNow)) {
            Figures f = agents.computeIfAbsent(c.agent(), k -> new Figures());
            f.open = c.values()[0];
            f.waiting = c.values()[1];
            f.oldestWaiting = c.values()[2];
        }
        times.waits().stream().filter(t -> !t.agentId().isEmpty()).forEach(t -> {
            Figures f = agents.computeIfAbsent(t.agentId(), k -> new Figures());
            switch (t.measure()) {
                case ServiceTimes.FIRST_RESPONSE -> f.firstResponses.add(t.wall(), t.business());
                case ServiceTimes.RESOLUTION -> f.resolutionTimes.add(t.wall(), t.business());
                default -> { }
            }
        });
        Map<String, String> teamOf = FactQueries.get(teamsOf);
        Map<String, Figures> teams = new TreeMap<>();
        agents.forEach((agent, f) -> teams.computeIfAbsent(teamOf.getOrDefault(agent, ""), k -> new Figures()).add(f));

        long now = Instant.now().getEpochSecond();
        Section agentSection = section("agents", "Per agent", "agent_id", true);
        agents.forEach((agent, f) -> agentSection.add(row(period, now, times, f, agent, teamOf.getOrDefault(agent, ""))));
        Section teamSection = section("teams", "Per team (the sum of its agents)", "team_id", false);
        teams.forEach((team, f) -> teamSection.add(row(period, now, times, f, team, null)));
        return new Report(NAME, period, List.of(agentSection, teamSection), List.of(Definitions.day(period),
                Definitions.RESOLUTION_RATE, Definitions.RESPONSE_TIME, Definitions.RESOLUTION_TIME,
                Definitions.businessHours(times.hours(), period), Definitions.sla(times.hours()), Definitions.PERCENTILES,
                "first responses count for the agent who sent them, resolution times for the conversation's current agent",
                Definitions.WAITING, "buried: " + BURIED_WAITING
                        + " or more conversations waiting, or one waiting over " + BURIED_SECONDS / 60 + " minutes"));
    }

    /** One agent's row of a query: the agent and the query's counts after it. */
    private record Counts(String agent, long[] values) {
    }

    private CompletableFuture<List<Counts>> counts(String sql, ReportPeriod period, int values) {
        return facts.rows(facts.sql(sql, period), (rs, i) -> {
            long[] row = new long[values];
            for (int v = 0; v < values; v++) {
                row[v] = rs.getLong(v + 2);
            }
            return new Counts(rs.getString(1), row);
        });
    }

    private static Section section(String name, String title, String key, boolean withTeam) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(key));
        if (withTeam) {
            columns.add(Column.text("team_id"));
        }
        columns.addAll(List.of(Column.count("assignments"), Column.count("takeovers"), Column.count("replies"),
                Column.count("resolutions"), Column.count("handled"), Column.count("resolved_now"),
                Column.rate("resolution_rate"), Column.count("open_now"), Column.count("waiting_now"),
                Column.time("oldest_waiting_since"), Column.seconds("oldest_waiting_for"), Column.text("buried"),
                Column.count("first_responses"), Column.seconds("first_response_p50"), Column.seconds("first_response_business_p50"),
                Column.rate("first_response_within_sla"), Column.count("resolutions_timed"), Column.seconds("resolution_p50"),
                Column.seconds("resolution_business_p50"), Column.rate("resolution_within_sla")));
        return new Section(name, title, columns, new ArrayList<>());
    }

    private static Object[] row(ReportPeriod period, long now, ServiceTimes.Times times, Figures f, String key, String team) {
        List<Object> row = new ArrayList<>();
        row.add(key);
        if (team != null) {
            row.add(team);
        }
        Long waitingFor = f.oldestWaiting > 0 ? Math.max(0, now - f.oldestWaiting) : null;
        boolean buried = f.waiting >= BURIED_WAITING || (waitingFor != null && waitingFor > BURIED_SECONDS);
        row.addAll(Arrays.asList(f.assignments, f.takeovers, f.replies, f.resolutions, f.handled,
                f.resolvedNow, f.handled == 0 ? 0.0 : (double) f.resolvedNow / f.handled, f.open, f.waiting,
                period.local(f.oldestWaiting), waitingFor, buried ? "BURIED" : "",
                f.firstResponses.count(), f.firstResponses.wall(0.5), f.firstResponses.business(0.5),
                f.firstResponses.withinShare(times.target(ServiceTimes.FIRST_RESPONSE)),
                f.resolutionTimes.count(), f.resolutionTimes.wall(0.5), f.resolutionTimes.business(0.5),
                f.resolutionTimes.withinShare(times.target(ServiceTimes.RESOLUTION))));
        return row.toArray();
    }
}
