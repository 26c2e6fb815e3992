package com.wapi.analytics.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Per agent and per team: the audit log's actions in the period, the resolution rate, and who is buried: open
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

    AgentsReport(FactQueries facts) {
        this.facts = facts;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** One agent's (or team's) figures; counts add up from agents to teams. */
    private static final class Figures {
        long assignments, takeovers, replies, resolutions, handled, resolvedNow, open, waiting, oldestWaiting;

        void add(Figures other) {
            assignments += other.assignments;
            takeovers += other.takeovers;
            replies += other.replies;
            resolutions += other.resolutions;
            handled += other.handled;
            resolvedNow += other.resolvedNow;
            open += other.open;
            waiting += other.waiting;
            if (other.oldestWaiting > 0 && (oldestWaiting == 0 || other.oldestWaiting < oldestWaiting)) {
                oldestWaiting = other.oldestWaiting;
            }
        }
    }

    @Override
    public Report build(ReportPeriod period) {
        Map<String, Figures> agents = new TreeMap<>();
        facts.sql(ACTIVITY, period).query(rs -> {
            Figures f = agents.computeIfAbsent(rs.getString(1), k -> new Figures());
            f.assignments = rs.getLong(2);
            f.takeovers = rs.getLong(3);
            f.replies = rs.getLong(4);
            f.resolutions = rs.getLong(5);
        });
        facts.sql(RESOLUTION, period).query(rs -> {
            Figures f = agents.computeIfAbsent(rs.getString(1), k -> new Figures());
            f.handled = rs.getLong(2);
            f.resolvedNow = rs.getLong(3);
        });
        facts.sql(OPEN_NOW, period).query(rs -> {
            Figures f = agents.computeIfAbsent(rs.getString(1), k -> new Figures());
            f.open = rs.getLong(2);
            f.waiting = rs.getLong(3);
            f.oldestWaiting = rs.getLong(4);
        });
        Map<String, String> teamOf = new TreeMap<>();
        facts.sql(TEAMS, period).query(rs -> {
            teamOf.put(rs.getString(1), rs.getString(2));
        });
        Map<String, Figures> teams = new TreeMap<>();
        agents.forEach((agent, f) -> teams.computeIfAbsent(teamOf.getOrDefault(agent, ""), k -> new Figures()).add(f));

        long now = Instant.now().getEpochSecond();
        Section agentSection = section("agents", "Per agent", "agent_id", true);
        agents.forEach((agent, f) -> agentSection.add(row(period, now, f, agent, teamOf.getOrDefault(agent, ""))));
        Section teamSection = section("teams", "Per team (the sum of its agents)", "team_id", false);
        teams.forEach((team, f) -> teamSection.add(row(period, now, f, team, null)));
        return new Report(NAME, period, List.of(agentSection, teamSection), List.of(Definitions.day(period),
                Definitions.RESOLUTION_RATE, Definitions.WAITING, "buried: " + BURIED_WAITING
                        + " or more conversations waiting, or one waiting over " + BURIED_SECONDS / 60 + " minutes"));
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
                Column.time("oldest_waiting_since"), Column.seconds("oldest_waiting_for"), Column.text("buried")));
        return new Section(name, title, columns, new ArrayList<>());
    }

    private static Object[] row(ReportPeriod period, long now, Figures f, String key, String team) {
        List<Object> row = new ArrayList<>();
        row.add(key);
        if (team != null) {
            row.add(team);
        }
        Long waitingFor = f.oldestWaiting > 0 ? Math.max(0, now - f.oldestWaiting) : null;
        boolean buried = f.waiting >= BURIED_WAITING || (waitingFor != null && waitingFor > BURIED_SECONDS);
        row.addAll(Arrays.asList(f.assignments, f.takeovers, f.replies, f.resolutions, f.handled,
                f.resolvedNow, f.handled == 0 ? 0.0 : (double) f.resolvedNow / f.handled, f.open, f.waiting,
                period.local(f.oldestWaiting), waitingFor, buried ? "BURIED" : ""));
        return row.toArray();
    }
}
