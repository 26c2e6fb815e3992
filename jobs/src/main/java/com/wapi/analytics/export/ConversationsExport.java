package com.wapi.analytics.export;

import com.wapi.analytics.csv.SafeCsv;
import com.wapi.analytics.report.FactQueries;
import com.wapi.analytics.report.ReportPeriod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * A row per conversation opened in the period, from the conversation_facts and conversation_attribution views,
 * streamed from ClickHouse.
 */
@Component
class ConversationsExport {

    static final String[] HEADER = {"conversation_id", "contact", "opened_at", "agent_id", "team_id",
        "first_response_seconds", "replies", "resolved_at", "resolved_by", "attributed_kind", "attributed_id"};

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

    long write(ReportPeriod period, Writer out, ExportProgress progress) throws IOException {
        CSVPrinter csv = SafeCsv.printer(out, HEADER);
        long[] rows = {0};
        facts.sql(CONVERSATIONS, period).query(rs -> {
            long firstResponse = rs.getLong(6);
            try {
                csv.printRecord(SafeCsv.text(rs.getString(1)), SafeCsv.text(rs.getString(2)),
                        RecipientsExport.time(period, rs.getLong(3)), SafeCsv.text(rs.getString(4)),
                        SafeCsv.text(rs.getString(5)), firstResponse < 0 ? "" : firstResponse, rs.getLong(7),
                        RecipientsExport.time(period, rs.getLong(8)), SafeCsv.text(rs.getString(9)),
                        rs.getString(10), SafeCsv.text(rs.getString(11)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            progress.row(++rows[0]);
        });
        csv.flush();
        return rows[0];
    }
}
