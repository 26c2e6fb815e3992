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
