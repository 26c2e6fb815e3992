package com.wapi.analytics.report;

import com.wapi.analytics.hours.BusinessClock;
import com.wapi.analytics.hours.ServiceHours;
import com.wapi.analytics.hours.ServiceHoursRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The timed waits of a period, wall-clock and in the workspace's business hours: first responses and replies
 * (agent_replies, by the reply's time) and resolutions (conversation_facts, by the resolution's time). Business
 * hours are counted here rather than in SQL: each wait is cut by the schedule's ranges of the local days it spans,
 * through the zone's rules, which SQL on ClickHouse 18.16 cannot do exactly.
 */
@Component
class ServiceTimes {

    static final String FIRST_RESPONSE = "first_response";
    static final String REPLY = "reply";
    static final String RESOLUTION = "resolution";

    private static final String REPLIES = """
            SELECT agent_id, team_id, is_first_response, awaited_since_ts, toUInt32(replied_at)
              FROM agent_replies
             WHERE workspace_id = :workspace AND replied_at >= toDateTime(:from, 'UTC') AND replied_at < toDateTime(:to, 'UTC')
               AND reply_seconds >= 0""";

    private static final String RESOLUTIONS = """
            SELECT agent_id, team_id, toUInt32(opened_at), toUInt32(resolved_at)
              FROM conversation_facts
             WHERE workspace_id = :workspace AND resolved = 1
               AND resolved_at >= toDateTime(:from, 'UTC') AND resolved_at < toDateTime(:to, 'UTC')
               AND opened_at > toDateTime(0, 'UTC')""";

    /** One timed wait: who ended it and how long it took. */
    record Timed(String agentId, String teamId, String measure, long wall, long business) {
    }

    /** The waits of a period with the workspace's settings they were measured by. */
    record Times(ServiceHours hours, List<Timed> waits) {

        /** The SLA target of a measure: first response or resolution; null when not set or none applies. */
        Duration target(String measure) {
            return switch (measure) {
                case FIRST_RESPONSE -> hours.firstResponseSla();
                case RESOLUTION -> hours.resolutionSla();
                default -> null;
            };
        }

        /** The waits of one measure grouped by a key (agent, team, ...), keys sorted. */
        Map<String, Distribution> by(String measure, Function<Timed, String> key) {
            Map<String, Distribution> groups = new TreeMap<>();
            waits.stream().filter(t -> t.measure().equals(measure))
                    .forEach(t -> groups.computeIfAbsent(key.apply(t), k -> new Distribution()).add(t.wall(), t.business()));
            return groups;
        }
    }

    private final FactQueries facts;
    private final ServiceHoursRepository settings;

    ServiceTimes(FactQueries facts, ServiceHoursRepository settings) {
        this.facts = facts;
        this.settings = settings;
    }

    Times load(ReportPeriod period) {
        ServiceHours hours = settings.find(period.workspaceId());
        BusinessClock clock = hours.clock(period.zone());
        CompletableFuture<List<Timed>> replies = facts.async(() -> {
            BusinessClock replyClock = hours.clock(period.zone()); // a clock remembers days: one per thread
            List<Timed> timed = new ArrayList<>();
            facts.sql(REPLIES, period).query(rs -> {
                long from = rs.getLong(4);
                long to = rs.getLong(5);
                Timed reply = new Timed(rs.getString(1), rs.getString(2), REPLY, to - from, replyClock.seconds(from, to));
                timed.add(reply);
                if (rs.getBoolean(3)) {
                    timed.add(new Timed(reply.agentId(), reply.teamId(), FIRST_RESPONSE, reply.wall(), reply.business()));
                }
            });
            return timed;
        });
        List<Timed> resolutions = new ArrayList<>();
        facts.sql(RESOLUTIONS, period).query(rs -> {
            long from = rs.getLong(3);
            long to = rs.getLong(4);
            resolutions.add(new Timed(rs.getString(1), rs.getString(2), RESOLUTION, to - from, clock.seconds(from, to)));
        });
        List<Timed> waits = new ArrayList<>(FactQueries.get(replies));
        waits.addAll(resolutions);
        return new Times(hours, waits);
    }
}
