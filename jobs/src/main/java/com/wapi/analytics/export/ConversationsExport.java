package com.wapi.analytics.export;

import com.wapi.analytics.report.Column;
import com.wapi.analytics.report.FactQueries;
import com.wapi.analytics.report.ReportPeriod;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A row per conversation opened in the period, from the conversation_facts and conversation_attribution views,
 * streamed from ClickHouse.
 */
@Component
class ConversationsExport {

    static final List<Column> COLUMNS = List.of(Column.text("conversation_id"), Column.text("contact"),
            Column.time("opened_at"), Column.text("agent_id"), Column.text("team_id"), Column.seconds("first_response_seconds"),
            Column.count("replies"), Column.time("resolved_at"), Column.text("resolved_by"), Column.text("attributed_kind"),
            Column.text("attributed_id"));

    private static final String CONVERSATIONS = """
            SELECT conversation_id, contact_id, toUInt32(opened_at), agent_id, team_id, first_response_seconds, replies,
                   toUInt32(resolved_at), resolved_by, attributed_kind, attributed_id
              FROM conversation_facts
              ANY LEFT JOIN
              (
                  SELECT workspace_id, conversation_id, attributed_kind, attributed_id
                    FROM conversation_attribution WHERE workspace_id = :workspace
              ) USING (workspace_id, conversation_id)
             WHERE workspace_id = :workspace AND opened_at >= toDateTime(:from, 'UTC') AND opened_at < toDateTime(:to, 'UTC')
             ORDER BY opened_at, conversation_id""";

    private final FactQueries facts;

    ConversationsExport(FactQueries facts) {
        this.facts = facts;
    }

    long write(ReportPeriod period, ExportFormat format, OutputStream out, ExportProgress progress) throws IOException {
        long[] rows = {0};
        try (ExportTable table = format.open(out, "conversations", COLUMNS)) {
            facts.sql(CONVERSATIONS, period).query(rs -> {
                long firstResponse = rs.getLong(6);
                try {
                    table.row(rs.getString(1), rs.getString(2), period.local(rs.getLong(3)), rs.getString(4), rs.getString(5),
                            firstResponse < 0 ? null : firstResponse, rs.getLong(7), period.local(rs.getLong(8)),
                            rs.getString(9), rs.getString(10), rs.getString(11));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                progress.row(++rows[0]);
            });
            table.finish();
        }
        return rows[0];
    }
}
