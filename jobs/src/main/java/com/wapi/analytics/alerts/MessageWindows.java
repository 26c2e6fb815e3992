package com.wapi.analytics.alerts;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.report.MessageStates;
import com.wapi.analytics.report.ReportPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads {@link MessageFigures} in one query on message_state. The recent window ends {@link #SETTLE} before the
 * evaluation, so that messages just sent have had the time to be delivered.
 */
@Component
class MessageWindows {

    static final Duration SETTLE = Duration.ofMinutes(15);
    static final Duration BASELINE = Duration.ofDays(7);

    private static final String FIGURES = """
            SELECT sent_at >= toDateTime(:recent, 'UTC') AS is_recent, if(state = 'failed', failure_code, 0) AS code,
                   any(failure_title) AS title, count() AS targeted,
                   countIf(state IN ('delivered', 'read')) AS delivered, countIf(state = 'failed') AS failed
              FROM %s
             GROUP BY is_recent, code""".formatted(MessageStates.of("workspace_id = :workspace", MessageStates.SENT_BETWEEN));

    private final ClickHouse clickHouse;

    MessageWindows(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    MessageFigures read(Scope scope) {
        Instant to = scope.now().minus(SETTLE);
        Instant recent = to.minus(scope.settings().deliveryWindow());
        Instant from = recent.minus(BASELINE);
        Counts[] windows = {new Counts(), new Counts()};
        clickHouse.sql().sql(FIGURES).param("workspace", scope.workspace().id())
                .param("recent", ReportPeriod.CLICKHOUSE.format(recent))
                .param("from", ReportPeriod.CLICKHOUSE.format(from))
                .param("to", ReportPeriod.CLICKHOUSE.format(to))
                .query(rs -> {
                    Counts counts = windows[rs.getInt("is_recent")];
                    counts.targeted += rs.getLong("targeted");
                    counts.delivered += rs.getLong("delivered");
                    long failed = rs.getLong("failed");
                    if (failed > 0) {
                        counts.failures.merge(rs.getInt("code"), failed, Long::sum);
                        counts.titles.put(rs.getInt("code"), rs.getString("title"));
                    }
                });
        return new MessageFigures(recent, to, from, windows[1].window(), windows[0].window());
    }

    private static final class Counts {
        long targeted;
        long delivered;
        final Map<Integer, Long> failures = new HashMap<>();
        final Map<Integer, String> titles = new HashMap<>();

        MessageFigures.Window window() {
            return new MessageFigures.Window(targeted, delivered, failures, titles);
        }
    }
}
