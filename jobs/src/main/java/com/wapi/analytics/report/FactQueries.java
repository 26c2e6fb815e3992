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
     * The messages of broadcasts (DESIGN.md 4), as a WHERE condition on message_state: the one filter used by the
     * delivery report, the owner digest and the campaign completion emails, so their figures agree.
     */
    public static final String BROADCAST_MESSAGES = "source_kind = 'broadcast' AND broadcast_id != ''";

    /**
     * Appended to queries on the message_state view that filter on workspace_id: lets ClickHouse (18.16 has it off
     * by default) push that filter below the view's GROUP BY instead of folding every workspace's messages first.
     * The figures do not change; only the work does.
     */
    public static final String PUSH_DOWN_FILTERS = " SETTINGS enable_optimize_predicate_expression = 1";

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
