package com.wapi.analytics.export;

import com.wapi.analytics.report.Column;
import com.wapi.analytics.report.FactQueries;
import com.wapi.analytics.report.MessageStates;
import com.wapi.analytics.report.Funnels;
import com.wapi.analytics.report.ReportPeriod;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A row per broadcast recipient with its final state (message_state) and the time of each status, streamed row by
 * row from ClickHouse so that memory stays flat whatever the size.
 */
@Component
class RecipientsExport {

    static final List<Column> COLUMNS = List.of(Column.text("broadcast_id"), Column.text("contact"), Column.text("wamid"),
            Column.text("final_state"), Column.time("sent_at"), Column.time("delivered_at"), Column.time("read_at"),
            Column.time("failed_at"), Column.text("error_code"), Column.text("error_subcode"), Column.text("error_title"),
            Column.text("error_message"));

    private static final String RECIPIENTS = """
            SELECT broadcast_id, contact_id, wamid, state, toUInt32(sent_at), toUInt32(delivered_at), toUInt32(read_at),
                   toUInt32(failed_at), failure_code, failure_subcode, failure_title, failure_message
              FROM %s
             WHERE %s
             ORDER BY broadcast_id, sent_at, message_key""".formatted(
            MessageStates.of("workspace_id = :workspace", MessageStates.SENT_BETWEEN), Funnels.BROADCAST_MESSAGES);

    private final FactQueries facts;

    RecipientsExport(FactQueries facts) {
        this.facts = facts;
    }

    long write(ReportPeriod period, ExportFormat format, OutputStream out, ExportProgress progress) throws IOException {
        long[] rows = {0};
        try (ExportTable table = format.open(out, "recipients", COLUMNS)) {
            facts.sql(RECIPIENTS, period).query(rs -> {
                boolean failed = "failed".equals(rs.getString(4));
                try {
                    table.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), period.local(rs.getLong(5)),
                            period.local(rs.getLong(6)), period.local(rs.getLong(7)), period.local(rs.getLong(8)),
                            failed ? rs.getString(9) : null, failed ? rs.getString(10) : null,
                            failed ? rs.getString(11) : null, failed ? rs.getString(12) : null);
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
