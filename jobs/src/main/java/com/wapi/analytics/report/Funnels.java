package com.wapi.analytics.report;

import com.wapi.analytics.clickhouse.ClickHouse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The message funnel of docs/definitions.md (targeted, sent, delivered, read, failed, pending) and its failures by
 * Meta error code, computed here and nowhere else: the delivery and trends reports, the owner digest, the campaign
 * emails, the exports and the API all read them from this class, grouped per broadcast, flow, template, source or
 * local day, for the messages sent in a period or over broadcasts' whole life.
 */
@Component
public class Funnels {

    /** The messages of broadcasts, as a condition on message_state. */
    public static final String BROADCAST_MESSAGES = "source_kind = 'broadcast' AND broadcast_id != ''";

    private static final String LOCAL_DAY = "toString(toDate(sent_at, :zone))";

    /** A group of message_state rows as a {@link Funnel}, read by {@link Funnel#read}. */
    static final String FIGURES = "count(), sum(accepted), sum(has_delivered), sum(has_read), countIf(state = 'failed'), "
            + "countIf(state IN ('sent', 'accepted'))";

    /** How messages are grouped: each message belongs to the group its expression names, or to none when it is ''. */
    public enum By {
        BROADCAST("if(" + BROADCAST_MESSAGES + ", broadcast_id, '')"),
        FLOW("if(source_kind = 'flow', flow_id, '')"),
        TEMPLATE("template_name"),
        SOURCE("source_kind"),
        /** the local day of the send, in the time zone of the scope's period */
        DAY(LOCAL_DAY);

        private final String expression;

        By(String expression) {
            this.expression = expression;
        }
    }

    /**
     * Which messages: those of {@code workspaces} (a condition on workspace_id) whose send matches {@code sends} (a
     * condition on outbound_messages, see {@link MessageStates}), with the parameters of both.
     */
    public record Scope(String workspaces, String sends, Map<String, Object> params, boolean isEmpty) {

        /** The messages of a report's workspace sent in its period. */
        public static Scope sentIn(ReportPeriod period) {
            return new Scope("workspace_id = :workspace", MessageStates.SENT_BETWEEN, Map.of("workspace",
                    period.workspaceId(), "from", period.utcFrom(), "to", period.utcTo(), "zone", period.zone().getId()),
                    false);
        }

        /** The messages of these workspaces sent from {@code utcFrom} (included) to {@code utcTo} (excluded). */
        public static Scope sentIn(List<String> workspaceIds, String utcFrom, String utcTo) {
            return new Scope("workspace_id IN (:workspaces)", MessageStates.SENT_BETWEEN,
                    Map.of("workspaces", workspaceIds, "from", utcFrom, "to", utcTo), workspaceIds.isEmpty());
        }

        /** Every message of these broadcasts of these workspaces, whenever sent. */
        public static Scope wholeLife(List<String> workspaceIds, List<String> broadcastIds) {
            return new Scope("workspace_id IN (:workspaces)", "broadcast_id IN (:broadcasts)",
                    Map.of("workspaces", workspaceIds, "broadcasts", broadcastIds),
                    workspaceIds.isEmpty() || broadcastIds.isEmpty());
        }

        String messages() {
            return MessageStates.of(workspaces, sends);
        }
    }

    /** One group's funnel; {@code firstSent} is its first message's send time, epoch seconds. */
    public record Row(String workspaceId, By by, String id, Funnel funnel, long firstSent) {
    }

    /** How many of one group's messages failed with one error code. */
    public record Failures(String workspaceId, By by, String id, FailureCount failure) {
    }

    private final ClickHouse clickHouse;

    public Funnels(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** Each group's funnel and its failures by error code, both from one read of message_state. */
    public record Read(List<Row> funnels, List<Failures> failures) {

        static final Read NONE = new Read(List.of(), List.of());
        /** The figures of all these reads' messages together, as one read of all of them gives. */
        public static Read sum(Collection<Read> reads) {
            Parts parts = new Parts();
            for (Read read : reads) {
                read.funnels.forEach(parts::add);
                read.failures.forEach(parts::add);
            }
            return parts.read();
        }
    }

    /** The funnel of each group, by workspace, grouping and first send (no failures: a lighter read). */
    public List<Row> funnels(Scope scope, By... groupings) {
        return read(scope, false, false, groupings).getOrDefault("", Read.NONE).funnels();
    }

    /** The failed messages of each group by error code, most frequent first, with the code's label and fix. */
    public List<Failures> failures(Scope scope, By... groupings) {
        return read(scope, groupings).failures();
    }

    /**
     * Both at once: each group's messages are read in parts, the failed ones by error code and the others in one
     * part; a group's funnel is the sum of its parts, its failures are its failed parts.
     */
    public Read read(Scope scope, By... groupings) {
        return read(scope, true, false, groupings).getOrDefault("", Read.NONE);
    }

    /**
     * As {@link #read}, each local day of the send apart (in the zone of the scope's period): one read serves
     * several periods, as the sum ({@link Read#sum}) of their days.
     */
    public Map<LocalDate, Read> readPerDay(Scope scope, By... groupings) {
        Map<LocalDate, Read> days = new TreeMap<>();
        read(scope, true, true, groupings).forEach((day, read) -> days.put(LocalDate.parse(day), read));
        return days;
    }

    /**
     * Without the failures, a group is read in one part and its messages' failure codes are not looked at. The reads
     * are keyed by local day, or all under "" when not per day.
     */
    private Map<String, Read> read(Scope scope, boolean withFailures, boolean perDay, By... groupings) {
        Map<String, Parts> days = new HashMap<>();
        if (scope.isEmpty()) {
            return Map.of();
        }
        clickHouse.sql().sql("""
                SELECT workspace_id, grouping.1 AS kind, grouping.2 AS id, %s, %s, toUInt32(min(sent_at)) AS first_sent, %s AS day
                  FROM (SELECT workspace_id, accepted, has_delivered, has_read, state, %s sent_at, %s AS grouping
                          FROM %s)
                 WHERE id != ''
                 GROUP BY workspace_id, kind, id, failed_part, code, day""".formatted(
                        withFailures ? "state = 'failed' AS failed_part, if(failed_part, failure_code, 0) AS code, any(failure_title)"
                                : "0 AS failed_part, 0 AS code, ''", FIGURES, perDay ? LOCAL_DAY : "''",
                        withFailures ? "failure_code, failure_title," : "", groups(groupings), scope.messages()))
                .params(scope.params())
                .query(rs -> {
                    Row part = new Row(rs.getString(1), By.valueOf(rs.getString(2)), rs.getString(3), Funnel.read(rs, 7),
                            rs.getLong(13));
                    Parts parts = days.computeIfAbsent(rs.getString(14), d -> new Parts());
                    parts.add(part);
                    if (rs.getInt(4) == 1) {
                        parts.add(new Failures(part.workspaceId(), part.by(), part.id(),
                                FailureCount.of(rs.getInt(5), rs.getString(6), part.funnel().targeted())));
                    }
                });
        Map<String, Read> reads = new HashMap<>();
        days.forEach((day, parts) -> reads.put(day, parts.read()));
        return reads;
    }

    /** A read's rows added up by group and its failures by group and code, sorted. */
    private static final class Parts {

        private static final Comparator<Row> BY_GROUP = Comparator.comparing(Row::workspaceId).thenComparing(r -> r.by().name());
        private static final Comparator<Failures> BY_GROUP_ID = Comparator.comparing(Failures::workspaceId)
                .thenComparing(f -> f.by().name()).thenComparing(Failures::id);

        private final Map<List<String>, Row> rows = new HashMap<>();
        private final Map<List<Object>, Failures> failures = new HashMap<>();

        void add(Row part) {
            rows.merge(List.of(part.workspaceId(), part.by().name(), part.id()), part, (a, b) -> new Row(a.workspaceId(),
                    a.by(), a.id(), a.funnel().plus(b.funnel()), Math.min(a.firstSent(), b.firstSent())));
        }

        void add(Failures part) {
            failures.merge(List.of(part.workspaceId(), part.by().name(), part.id(), part.failure().code()), part,
                    (a, b) -> new Failures(a.workspaceId(), a.by(), a.id(), a.failure().plus(b.failure().count())));
        }

        Read read() {
            return new Read(rows.values().stream().sorted(BY_GROUP.thenComparingLong(Row::firstSent).thenComparing(Row::id)).toList(),
                    failures.values().stream().sorted(BY_GROUP_ID.thenComparing(Failures::failure, FailureCount.MOST_FREQUENT_FIRST))
                            .toList());
        }
    }

    /** Each message once per grouping it belongs to: arrayJoin of (grouping name, group id) pairs. */
    private static String groups(By... groupings) {
        return Arrays.stream(groupings).map(by -> "('" + by.name() + "', " + by.expression + ")")
                .collect(Collectors.joining(", ", "arrayJoin([", "])"));
    }
}
