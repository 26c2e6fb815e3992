package com.wapi.analytics.report;

import com.wapi.analytics.clickhouse.ClickHouse;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/**
 * Report queries on the ClickHouse views, scoped to one workspace and one period: every statement binds
 * :workspace, :from and :to (UTC bounds of the local days).
 */
@Component
public class FactQueries {

    /**
     * The messages of broadcasts (docs/definitions.md), as a WHERE condition on message_state: the one filter used by the
     * delivery report, the owner digest and the campaign completion emails, so their figures agree.
     */
    public static final String BROADCAST_MESSAGES = "source_kind = 'broadcast' AND broadcast_id != ''";

    private final ClickHouse clickHouse;

    public FactQueries(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    public StatementSpec sql(String sql, ReportPeriod period) {
        return clickHouse.sql().sql(sql)
                .param("workspace", period.workspaceId())
                .param("from", period.utcFrom())
                .param("to", period.utcTo());
    }
}
