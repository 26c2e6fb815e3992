package com.wapi.analytics.report;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * First response time and reply time as distributions (p50, p90, p99 and a histogram), per agent, per team and
 * overall, from agent_replies for the replies sent in the period.
 */
@Component
class ResponseTimesReport implements OperationalReport {

    static final String NAME = "response-times";

    /** Upper bounds (exclusive, seconds) of the histogram buckets; the last bucket is open. */
    static final long[] BOUNDS = {60, 300, 900, 3600, 14400, 86400};
    static final String[] BUCKETS = {"lt_1m", "1m_5m", "5m_15m", "15m_60m", "1h_4h", "4h_24h", "gt_24h"};

    private static final String DISTRIBUTION = """
            SELECT %1$s AS dimension, measure, count(), quantileExact(0.5)(reply_seconds), quantileExact(0.9)(reply_seconds),
                   quantileExact(0.99)(reply_seconds),
                   countIf(reply_seconds < 60), countIf(reply_seconds >= 60 AND reply_seconds < 300),
                   countIf(reply_seconds >= 300 AND reply_seconds < 900), countIf(reply_seconds >= 900 AND reply_seconds < 3600),
                   countIf(reply_seconds >= 3600 AND reply_seconds < 14400), countIf(reply_seconds >= 14400 AND reply_seconds < 86400),
                   countIf(reply_seconds >= 86400)
              FROM
              (
                  SELECT agent_id, team_id, reply_seconds, arrayJoin(if(is_first_response, ['first_response', 'reply'], ['reply'])) AS measure
                    FROM agent_replies
                   WHERE workspace_id = :workspace AND replied_at >= toDateTime(:from, 'UTC') AND replied_at < toDateTime(:to, 'UTC')
                     AND reply_seconds >= 0
              )
             GROUP BY dimension, measure
             ORDER BY dimension, measure""";

    private final FactQueries facts;

    ResponseTimesReport(FactQueries facts) {
        this.facts = facts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Report build(ReportPeriod period) {
        return new Report(NAME, period, List.of(
                section(period, "agents", "Per agent", "agent_id", "agent_id"),
                section(period, "teams", "Per team", "team_id", "team_id"),
                section(period, "overall", "Overall", "scope", "'all'")),
                List.of(Definitions.day(period), Definitions.RESPONSE_TIME, Definitions.PERCENTILES,
                        "a reply counts in the period it was sent; replies with no customer message waiting are not timed"));
    }

    private Section section(ReportPeriod period, String name, String title, String key, String expression) {
        List<Column> columns = new ArrayList<>(List.of(Column.text(key), Column.text("measure"), Column.count("count"),
                Column.seconds("p50"), Column.seconds("p90"), Column.seconds("p99")));
        for (String bucket : BUCKETS) {
            columns.add(Column.count(bucket));
        }
        Section section = new Section(name, title, columns, new ArrayList<>());
        facts.sql(DISTRIBUTION.formatted(expression), period).query(rs -> {
            List<Object> row = new ArrayList<>(List.of(rs.getString(1), rs.getString(2), rs.getLong(3)));
            for (int i = 4; i < 7 + BUCKETS.length; i++) {
                row.add(rs.getLong(i));
            }
            section.add(row.toArray());
        });
        return section;
    }
}
