package com.wapi.analytics.report;

import com.wapi.analytics.readers.errors.MetaError;
import com.wapi.analytics.readers.errors.MetaErrorCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Failed messages by Meta error code and subcode, with the catalogue's label, category, retry class and fix, and
 * the change against the previous period of equal length.
 */
@Component
class FailuresReport implements OperationalReport {

    static final String NAME = "failures";

    /** The period's and the previous period's failures in one read of message_state: in_period tells them apart. */
    private static final String BY_CODE = """
            SELECT sent_at >= toDateTime(:from, 'UTC') AS in_period, failure_code, failure_subcode, any(failure_title) AS title,
                   count() AS failures, uniqExactIf(broadcast_id, broadcast_id != '') AS broadcasts,
                   toUInt32(min(failed_at)) AS first_seen, toUInt32(max(failed_at)) AS last_seen
              FROM %s
             WHERE state = 'failed'
             GROUP BY in_period, failure_code, failure_subcode
             ORDER BY failures DESC, failure_code, failure_subcode""".formatted(
            MessageStates.ofFailed("workspace_id = :workspace", MessageStates.sentBetween("previous", "to")));

    private final FactQueries facts;

    FailuresReport(FactQueries facts) {
        this.facts = facts;
    }

    private record Key(int code, int subcode) {
    }

    private record Row(String title, long failures, long broadcasts, long firstSeen, long lastSeen) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Report build(ReportPeriod period) {
        Map<Key, Row> now = new LinkedHashMap<>();
        Map<Key, Row> before = new LinkedHashMap<>();
        facts.sql(BY_CODE, period).param("previous", period.previous().utcFrom()).query(rs -> {
            (rs.getInt(1) == 1 ? now : before).put(new Key(rs.getInt(2), rs.getInt(3)),
                    new Row(rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
        });
        long total = now.values().stream().mapToLong(Row::failures).sum();
        Section section = new Section("codes", "Failures by error code", Column.count("code"), Column.count("subcode"),
                Column.text("label"), Column.text("category"), Column.text("retry"), Column.text("fix"),
                Column.count("failures"), Column.rate("share"), Column.count("broadcasts"), Column.time("first_seen"),
                Column.time("last_seen"), Column.count("previous_failures"), Column.count("change"));
        Map<Key, Row> rows = new LinkedHashMap<>(now);
        before.forEach((key, row) -> rows.putIfAbsent(key, new Row(row.title(), 0, 0, 0, 0)));
        rows.forEach((key, row) -> {
            MetaError error = MetaErrorCatalogue.describe(key.code(), row.title());
            long previous = before.containsKey(key) ? before.get(key).failures() : 0;
            section.add(key.code(), key.subcode(), error.label(), error.category(),
                    error.retry().retryable() ? "retryable" : "permanent", error.fix(), row.failures(),
                    total == 0 ? 0.0 : (double) row.failures() / total, row.broadcasts(), period.local(row.firstSeen()),
                    period.local(row.lastSeen()), previous, row.failures() - previous);
        });
        return new Report(NAME, period, List.of(section), List.of(Definitions.day(period), Definitions.FAILED,
                Definitions.SHARE, Definitions.change(period), Definitions.ONCE));
    }
}
