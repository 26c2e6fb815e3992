package com.wapi.analytics.digest;

import static com.wapi.analytics.report.FactQueries.BROADCAST_MESSAGES;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.digest.DigestContent.SmartRetry;
import com.wapi.analytics.digest.DigestContent.WorkspaceCard;
import com.wapi.analytics.report.ErrorLabels;
import com.wapi.analytics.report.FailureCount;
import com.wapi.analytics.report.Funnel;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Gathers a digest's figures from the ClickHouse views (message_state: the definitions of docs/definitions.md) for the
 * organization's workspaces and one local calendar day of its time zone. Broadcast figures use the delivery
 * report's filter and day bounds, so a workspace's funnel here equals the sum of its `report delivery` broadcasts.
 */
@Component
public class DigestAssembler {

    private static final int TOP_FAILURES = 3;

    private final ClickHouse clickHouse;
    private final WorkspaceRepository workspaces;

    public DigestAssembler(ClickHouse clickHouse, WorkspaceRepository workspaces) {
        this.clickHouse = clickHouse;
        this.workspaces = workspaces;
    }

    public DigestContent assemble(Organization org, LocalDate date) {
        List<Workspace> list = workspaces.findByOrganization(org.id());
        List<String> ids = list.stream().map(Workspace::id).toList();
        Range day = Range.of(org, date);
        Map<String, Funnel> funnels = new HashMap<>();
        Map<String, Funnel> before = new HashMap<>();
        Map<String, Long> broadcasts = new HashMap<>();
        Map<String, long[]> retried = new HashMap<>();
        sends(ids, Range.of(org, date.minusDays(1)).from(), day, funnels, before, broadcasts, retried);
        Map<String, Long> inbound = counts(ids, day, """
                SELECT workspace_id, count() FROM inbound_messages FINAL
                 WHERE workspace_id IN (:ids) AND event_time >= toDateTime(:from, 'UTC') AND event_time < toDateTime(:to, 'UTC')
                 GROUP BY workspace_id""");
        Map<String, List<FailureCount>> failures = failures(ids, day);
        Map<String, SmartRetry> retries = retries(ids, day, retried);
        Map<String, List<String>> red = redTemplates(ids, day);

        List<WorkspaceCard> cards = new ArrayList<>();
        Funnel account = Funnel.NONE;
        Funnel accountBefore = Funnel.NONE;
        Map<Integer, FailureCount> allFailures = new HashMap<>();
        for (Workspace ws : list) {
            Funnel funnel = funnels.getOrDefault(ws.id(), Funnel.NONE);
            account = account.plus(funnel);
            accountBefore = accountBefore.plus(before.getOrDefault(ws.id(), Funnel.NONE));
            List<FailureCount> wsFailures = failures.getOrDefault(ws.id(), List.of());
            wsFailures.forEach(f -> allFailures.merge(f.code(), f,
                    (a, b) -> new FailureCount(a.code(), a.label(), a.fix(), a.retry(), a.count() + b.count())));
            cards.add(new WorkspaceCard(ws.id(), ws.name(), broadcasts.getOrDefault(ws.id(), 0L), funnel,
                    wsFailures.stream().limit(TOP_FAILURES).toList(), retries.getOrDefault(ws.id(), new SmartRetry(0, 0, 0)),
                    red.getOrDefault(ws.id(), List.of()), inbound.getOrDefault(ws.id(), 0L)));
        }
        List<FailureCount> callouts = allFailures.values().stream()
                .sorted(Comparator.comparingLong(FailureCount::count).reversed().thenComparingInt(FailureCount::code)).toList();
        return new DigestContent(org.id(), org.name(), org.timeZone().getId(), date, account, accountBefore, cards, callouts);
    }

    /** A local calendar day as UTC bounds, DST-aware: the bounds the reports use for the same day. */
    record Range(String from, String to) {
        static Range of(Organization org, LocalDate date) {
            ReportPeriod day = new ReportPeriod(null, org, date, date);
            return new Range(day.utcFrom(), day.utcTo());
        }
    }

    /**
     * One pass over message_state for the day and the day before: per workspace and day, the broadcast funnel and
     * the number of broadcasts (the delivery report's filter, as a condition), and the Smart Retry sends.
     */
    private void sends(List<String> ids, String dayBeforeFrom, Range day, Map<String, Funnel> funnels,
            Map<String, Funnel> before, Map<String, Long> broadcasts, Map<String, long[]> retried) {
        if (ids.isEmpty()) {
            return;
        }
        clickHouse.sql().sql("""
                SELECT workspace_id, sent_at >= toDateTime(:from, 'UTC') AS on_the_day,
                       countIf(%1$s), sumIf(accepted, %1$s), sumIf(has_delivered, %1$s), sumIf(has_read, %1$s),
                       countIf((%1$s) AND state = 'failed'), uniqExactIf(broadcast_id, %1$s),
                       countIf(source_kind = 'retry'), sumIf(has_delivered, source_kind = 'retry')
                  FROM message_state
                 WHERE workspace_id IN (:ids) AND ((%1$s) OR source_kind = 'retry')
                   AND sent_at >= toDateTime(:before, 'UTC') AND sent_at < toDateTime(:to, 'UTC')
                 GROUP BY workspace_id, on_the_day""".formatted(BROADCAST_MESSAGES))
                .param("ids", ids).param("before", dayBeforeFrom).param("from", day.from()).param("to", day.to())
                .query(rs -> {
                    String ws = rs.getString(1);
                    Funnel funnel = new Funnel(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
                    if (rs.getInt(2) == 1) {
                        funnels.put(ws, funnel);
                        broadcasts.put(ws, rs.getLong(8));
                        retried.put(ws, new long[] {rs.getLong(9), rs.getLong(10)});
                    } else {
                        before.put(ws, funnel);
                    }
                });
    }

    private Map<String, Long> counts(List<String> ids, Range range, String sql) {
        Map<String, Long> result = new HashMap<>();
        if (!ids.isEmpty()) {
            clickHouse.sql().sql(sql).param("ids", ids).param("from", range.from()).param("to", range.to())
                    .query(rs -> {
                        result.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return result;
    }

    private Map<String, List<FailureCount>> failures(List<String> ids, Range range) {
        Map<String, List<FailureCount>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        clickHouse.sql().sql("""
                SELECT workspace_id, failure_code, any(failure_title) AS title, count() AS failures
                  FROM message_state
                 WHERE workspace_id IN (:ids) AND %s AND state = 'failed'
                   AND sent_at >= toDateTime(:from, 'UTC') AND sent_at < toDateTime(:to, 'UTC')
                 GROUP BY workspace_id, failure_code
                 ORDER BY workspace_id, failures DESC, failure_code""".formatted(BROADCAST_MESSAGES))
                .param("ids", ids).param("from", range.from()).param("to", range.to())
                .query(rs -> {
                    int code = rs.getInt(2);
                    ErrorLabels.Label label = ErrorLabels.describe(code, rs.getString(3));
                    result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new FailureCount(code, label.label(), label.fix(), label.retry(), rs.getLong(4)));
                });
        return result;
    }

    private Map<String, SmartRetry> retries(List<String> ids, Range range, Map<String, long[]> retried) {
        Map<String, Long> queued = counts(ids, range, """
                SELECT workspace_id, count() FROM retries FINAL
                 WHERE workspace_id IN (:ids) AND event_time >= toDateTime(:from, 'UTC') AND event_time < toDateTime(:to, 'UTC')
                 GROUP BY workspace_id""");
        Map<String, SmartRetry> result = new HashMap<>();
        retried.forEach((ws, sends) -> result.put(ws, new SmartRetry(queued.getOrDefault(ws, 0L), sends[0], sends[1])));
        queued.forEach((ws, n) -> result.putIfAbsent(ws, new SmartRetry(n, 0, 0)));
        return result;
    }

    /** Templates whose latest quality rating by the end of the day is RED. */
    private Map<String, List<String>> redTemplates(List<String> ids, Range range) {
        Map<String, List<String>> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        clickHouse.sql().sql("""
                SELECT workspace_id, template_name FROM template_events FINAL
                 WHERE workspace_id IN (:ids) AND kind = 'quality' AND event_time < toDateTime(:to, 'UTC')
                 GROUP BY workspace_id, template_id, template_name
                HAVING argMax(new_quality, event_time) = 'RED'
                 ORDER BY workspace_id, template_name""")
                .param("ids", ids).param("to", range.to())
                .query(rs -> {
                    result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return result;
    }
}
