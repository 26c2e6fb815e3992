package com.wapi.analytics.report;

import com.wapi.analytics.clickhouse.ClickHouse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        DAY("toString(toDate(sent_at, :zone))");

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
    }

    /** The funnel of each group, by workspace, grouping and first send (no failures: a lighter read). */
    public List<Row> funnels(Scope scope, By... groupings) {
        return read(scope, false, groupings).funnels();
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
        return read(scope, true, groupings);
    }

    /** Without the failures, a group is read in one part and its messages' failure codes are not looked at. */
    private Read read(Scope scope, boolean withFailures, By... groupings) {
        Map<List<String>, Row> rows = new HashMap<>();
        List<Failures> failures = new ArrayList<>();
        if (scope.isEmpty()) {
            return new Read(List.of(), failures);
        }
        clickHouse.sql().sql("""
                SELECT workspace_id, grouping.1 AS kind, grouping.2 AS id, %s, %s, toUInt32(min(sent_at)) AS first_sent
                  FROM (SELECT workspace_id, accepted, has_delivered, has_read, state, %s sent_at, %s AS grouping
                          FROM %s)
                 WHERE id != ''
                 GROUP BY workspace_id, kind, id, failed_part, code""".formatted(
                        withFailures ? "state = 'failed' AS failed_part, if(failed_part, failure_code, 0) AS code, any(failure_title)"
                                : "0 AS failed_part, 0 AS code, ''", FIGURES,
                        withFailures ? "failure_code, failure_title," : "", groups(groupings), scope.messages()))
                .params(scope.params())
                .query(rs -> {
                    Row part = new Row(rs.getString(1), By.valueOf(rs.getString(2)), rs.getString(3), Funnel.read(rs, 7),
                            rs.getLong(13));
                    rows.merge(List.of(part.workspaceId(), part.by().name(), part.id()), part, (a, b) -> new Row(a.workspaceId(),
                            a.by(), a.id(), a.funnel().plus(b.funnel()), Math.min(a.firstSent(), b.firstSent())));
                    if (rs.getInt(4) == 1) {
                        failures.add(new Failures(part.workspaceId(), part.by(), part.id(),
                                FailureCount.of(rs.getInt(5), rs.getString(6), part.funnel().targeted())));
                    }
                });
        Comparator<Row> byGroup = Comparator.comparing(Row::workspaceId).thenComparing(r -> r.by().name());
        Comparator<Failures> byGroupId = Comparator.comparing(Failures::workspaceId).thenComparing(f -> f.by().name())
                .thenComparing(Failures::id);
        failures.sort(byGroupId.thenComparing(Failures::failure, FailureCount.MOST_FREQUENT_FIRST));
        return new Read(rows.values().stream().sorted(byGroup.thenComparingLong(Row::firstSent).thenComparing(Row::id)).toList(),
                failures);
    }

    /** Each message once per grouping it belongs to: arrayJoin of (grouping name, group id) pairs. */
    private static String groups(By... groupings) {
        return Arrays.stream(groupings).map(by -> "('" + by.name() + "', " + by.expression + ")")
                .collect(Collectors.joining(", ", "arrayJoin([", "])"));
    }
}
