package com.wapi.analytics.digest;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.digest.DigestContent.SmartRetry;
import com.wapi.analytics.digest.DigestContent.WorkspaceCard;
import com.wapi.analytics.report.FailureCount;
import com.wapi.analytics.report.Funnel;
import com.wapi.analytics.report.Funnels;
import com.wapi.analytics.report.Funnels.By;
import com.wapi.analytics.report.Funnels.Scope;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Gathers a digest's figures from the ClickHouse views (message_state: the definitions of docs/definitions.md) for the
 * organization's workspaces and one local calendar day of its time zone. Broadcast figures are the delivery report's
 * per-broadcast funnels ({@link Funnels}) for the same day bounds, added up per workspace.
 */
@Component
public class DigestAssembler {

    private static final int TOP_FAILURES = 3;
    private static final Broadcasts NONE = new Broadcasts(Funnel.NONE, 0);

    private final ClickHouse clickHouse;
    private final Funnels funnels;
    private final WorkspaceRepository workspaces;

    public DigestAssembler(ClickHouse clickHouse, Funnels funnels, WorkspaceRepository workspaces) {
        this.clickHouse = clickHouse;
        this.funnels = funnels;
        this.workspaces = workspaces;
    }

    public DigestContent assemble(Organization org, LocalDate date) {
        List<Workspace> list = workspaces.findByOrganization(org.id());
        List<String> ids = list.stream().map(Workspace::id).toList();
        Range day = Range.of(org, date);
        Range dayBefore = Range.of(org, date.minusDays(1));
        Scope sentOnTheDay = Scope.sentIn(ids, day.from(), day.to());
        List<Funnels.Row> sends = funnels.funnels(sentOnTheDay, By.BROADCAST, By.SOURCE);
        Map<String, Broadcasts> broadcasts = broadcasts(sends);
        Map<String, Broadcasts> before =
                broadcasts(funnels.funnels(Scope.sentIn(ids, dayBefore.from(), dayBefore.to()), By.BROADCAST));
        Map<String, Long> inbound = counts(ids, day, """
                SELECT workspace_id, count() FROM inbound_messages FINAL
                 WHERE workspace_id IN (:ids) AND event_time >= toDateTime(:from, 'UTC') AND event_time < toDateTime(:to, 'UTC')
                 GROUP BY workspace_id""");
        Map<String, List<FailureCount>> failures = failures(sentOnTheDay);
        Map<String, SmartRetry> retries = retries(ids, day, sends);
        Map<String, List<String>> red = redTemplates(ids, day);

        List<WorkspaceCard> cards = new ArrayList<>();
        Funnel account = Funnel.NONE;
        Funnel accountBefore = Funnel.NONE;
        Map<Integer, FailureCount> allFailures = new HashMap<>();
        for (Workspace ws : list) {
            Broadcasts sent = broadcasts.getOrDefault(ws.id(), NONE);
            account = account.plus(sent.funnel());
            accountBefore = accountBefore.plus(before.getOrDefault(ws.id(), NONE).funnel());
            List<FailureCount> wsFailures = failures.getOrDefault(ws.id(), List.of());
            wsFailures.forEach(f -> allFailures.merge(f.code(), f, (a, b) -> a.plus(b.count())));
            cards.add(new WorkspaceCard(ws.id(), ws.name(), sent.count(), sent.funnel(),
                    wsFailures.stream().limit(TOP_FAILURES).toList(), retries.getOrDefault(ws.id(), new SmartRetry(0, 0, 0)),
                    red.getOrDefault(ws.id(), List.of()), inbound.getOrDefault(ws.id(), 0L)));
        }
        return new DigestContent(org.id(), org.name(), org.timeZone().getId(), date, account, accountBefore, cards,
                mostFrequentFirst(allFailures.values()));
    }

    /** A local calendar day as UTC bounds, DST-aware: the bounds the reports use for the same day. */
    record Range(String from, String to) {
        static Range of(Organization org, LocalDate date) {
            ReportPeriod day = new ReportPeriod(null, org, date, date);
            return new Range(day.utcFrom(), day.utcTo());
        }
    }

    /** Per workspace, its broadcasts' funnels added up, and how many broadcasts sent in the range. */
    private record Broadcasts(Funnel funnel, long count) {
    }

    private Map<String, Broadcasts> broadcasts(List<Funnels.Row> rows) {
        Map<String, Broadcasts> result = new HashMap<>();
        rows.stream().filter(r -> r.by() == By.BROADCAST).forEach(r -> result.merge(r.workspaceId(),
                new Broadcasts(r.funnel(), 1), (a, b) -> new Broadcasts(a.funnel().plus(b.funnel()), a.count() + b.count())));
        return result;
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

    /** Per workspace, its broadcasts' failures by code, most frequent first. */
    private Map<String, List<FailureCount>> failures(Scope day) {
        Map<String, Map<Integer, FailureCount>> byCode = new HashMap<>();
        for (Funnels.Failures f : funnels.failures(day, By.BROADCAST)) {
            byCode.computeIfAbsent(f.workspaceId(), k -> new HashMap<>())
                    .merge(f.failure().code(), f.failure(), (a, b) -> a.plus(b.count()));
        }
        Map<String, List<FailureCount>> result = new HashMap<>();
        byCode.forEach((ws, codes) -> result.put(ws, mostFrequentFirst(codes.values())));
        return result;
    }

    private static List<FailureCount> mostFrequentFirst(Collection<FailureCount> failures) {
        return failures.stream().sorted(FailureCount.MOST_FREQUENT_FIRST).toList();
    }

    private Map<String, SmartRetry> retries(List<String> ids, Range range, List<Funnels.Row> sends) {
        Map<String, Funnel> retried = new HashMap<>();
        sends.stream().filter(r -> r.by() == By.SOURCE && r.id().equals("retry"))
                .forEach(r -> retried.put(r.workspaceId(), r.funnel()));
        Map<String, Long> queued = counts(ids, range, """
                SELECT workspace_id, count() FROM retries FINAL
                 WHERE workspace_id IN (:ids) AND event_time >= toDateTime(:from, 'UTC') AND event_time < toDateTime(:to, 'UTC')
                 GROUP BY workspace_id""");
        Map<String, SmartRetry> result = new HashMap<>();
        retried.forEach((ws, f) -> result.put(ws, new SmartRetry(queued.getOrDefault(ws, 0L), f.targeted(), f.delivered())));
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
