package com.wapi.analytics.campaign;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.clickhouse.InLists;
import com.wapi.analytics.report.FailureCount;
import com.wapi.analytics.report.Funnel;
import com.wapi.analytics.report.Funnels;
import com.wapi.analytics.report.Funnels.By;
import com.wapi.analytics.report.Funnels.Scope;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which broadcasts have finished, and their figures, from the ClickHouse facts: a broadcast is finished once every
 * recipient of its audience was tried and every targeted message reached a final state (delivered, read or failed;
 * sent and accepted are not final), or 24 hours after its launch (broadcast.created), whichever comes first.
 * Figures are the broadcast's funnel ({@link Funnels}) over its whole life.
 */
@Component
public class CampaignCompletion {

    public static final Duration AT_THE_LATEST = Duration.ofHours(24);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ClickHouse clickHouse;
    private final Funnels funnels;

    public CampaignCompletion(ClickHouse clickHouse, Funnels funnels) {
        this.clickHouse = clickHouse;
        this.funnels = funnels;
    }

    /** A launched broadcast and how far its messages got. */
    public record Candidate(String workspaceId, String broadcastId, Instant launchedAt, long audience, long targeted,
            long pending) {

        public boolean isDue(Instant now) {
            return isComplete(audience, targeted, pending) || !now.isBefore(launchedAt.plus(AT_THE_LATEST));
        }
    }

    static boolean isComplete(long audience, long targeted, long pending) {
        return targeted > 0 && targeted >= audience && pending == 0;
    }

    /**
     * The broadcasts of these workspaces launched in [since, now], not in {@code done}, with their progress; the
     * id lists are batched, so that any number of broadcasts with ids of any length stays under max_query_size.
     */
    public List<Candidate> candidates(List<String> workspaceIds, Instant since, Instant now, Set<String> done) {
        if (workspaceIds.isEmpty()) {
            return List.of();
        }
        record Launch(String workspaceId, String broadcastId, Instant at, long audience) {
        }
        List<Launch> launches = new ArrayList<>();
        for (List<String> batch : InLists.batches(workspaceIds, List::of)) {
            clickHouse.sql().sql("""
                    SELECT workspace_id, broadcast_id, toUInt32(min(event_time)), max(audience_size)
                      FROM broadcasts FINAL
                     WHERE workspace_id IN (:ids) AND broadcast_id != ''
                       AND event_time >= toDateTime(:since, 'UTC') AND event_time <= toDateTime(:now, 'UTC')
                     GROUP BY workspace_id, broadcast_id""")
                    .param("ids", batch).param("since", ReportPeriod.CLICKHOUSE.format(since))
                    .param("now", ReportPeriod.CLICKHOUSE.format(now))
                    .query(rs -> {
                        if (!done.contains(key(rs.getString(1), rs.getString(2)))) {
                            launches.add(new Launch(rs.getString(1), rs.getString(2), Instant.ofEpochSecond(rs.getLong(3)),
                                    rs.getLong(4)));
                        }
                    });
        }
        if (launches.isEmpty()) {
            return List.of();
        }
        Map<String, Funnel> progress = new HashMap<>();
        for (List<Launch> batch : InLists.batches(launches, l -> List.of(l.workspaceId(), l.broadcastId()))) {
            Scope scope = Scope.wholeLife(batch.stream().map(Launch::workspaceId).distinct().toList(),
                    batch.stream().map(Launch::broadcastId).distinct().toList());
            funnels.funnels(scope, By.BROADCAST).forEach(r -> progress.put(key(r.workspaceId(), r.id()), r.funnel()));
        }
        return launches.stream().map(l -> {
            Funnel f = progress.getOrDefault(key(l.workspaceId(), l.broadcastId()), Funnel.NONE);
            return new Candidate(l.workspaceId(), l.broadcastId(), l.at(), l.audience(), f.targeted(), f.pending());
        }).toList();
    }

    /** The email's content: the broadcast's funnel and failures over its whole life. */
    public CampaignContent content(Organization org, Workspace workspace, String broadcastId) {
        String[] launch = {"", "", ""};
        long[] audience = {0};
        clickHouse.sql().sql("""
                SELECT any(name), any(template_name), toUInt32(min(event_time)), max(audience_size)
                  FROM broadcasts FINAL
                 WHERE workspace_id = :ws AND broadcast_id = :broadcast""")
                .param("ws", workspace.id()).param("broadcast", broadcastId)
                .query(rs -> {
                    launch[0] = rs.getString(1);
                    launch[1] = rs.getString(2);
                    launch[2] = rs.getLong(3) == 0 ? "" : LOCAL.format(Instant.ofEpochSecond(rs.getLong(3)).atZone(org.timeZone()));
                    audience[0] = rs.getLong(4);
                });
        Scope scope = Scope.wholeLife(List.of(workspace.id()), List.of(broadcastId));
        Funnel funnel = funnels.funnels(scope, By.BROADCAST).stream().map(Funnels.Row::funnel).findFirst().orElse(Funnel.NONE);
        List<FailureCount> failures = funnels.failures(scope, By.BROADCAST).stream().map(Funnels.Failures::failure).toList();
        return new CampaignContent(workspace.id(), workspace.name(), org.name(), org.timeZone().getId(), broadcastId,
                launch[0], launch[1], launch[2], audience[0], funnel, failures);
    }

    static String key(String workspaceId, String broadcastId) {
        return workspaceId + "\u0000" + broadcastId;
    }
}
