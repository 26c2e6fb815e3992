package com.wapi.analytics.export;

import com.wapi.analytics.csv.SafeCsv;
import com.wapi.analytics.report.FactQueries;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * A row per broadcast recipient with its final state (message_state) and the time of each status, streamed row by
 * row from ClickHouse so that memory stays flat whatever the size.
 */
@Component
class RecipientsExport {

    static final String[] HEADER = {"broadcast_id", "contact", "wamid", "final_state", "sent_at", "delivered_at",
        "read_at", "failed_at", "error_code", "error_subcode", "error_title", "error_message"};

    private static final String RECIPIENTS = """
            SELECT broadcast_id, contact_id, wamid, state, toUInt32(sent_at), toUInt32(delivered_at), toUInt32(read_at),
                   toUInt32(failed_at), failure_code, failure_subcode, failure_title, failure_message
              FROM message_state
             WHERE workspace_id = :workspace AND source_kind = 'broadcast' AND broadcast_id != ''
               AND sent_at >= toDateTime(:from, 'UTC') AND sent_at < toDateTime(:to, 'UTC')
             ORDER BY broadcast_id, sent_at, message_key""";

    private final FactQueries facts;

    RecipientsExport(FactQueries facts) {
        this.facts = facts;
    }

    long write(ReportPeriod period, Writer out, ExportProgress progress) throws IOException {
        CSVPrinter csv = SafeCsv.printer(out, HEADER);
        long[] rows = {0};
        facts.sql(RECIPIENTS, period).query(rs -> {
            boolean failed = "failed".equals(rs.getString(4));
            try {
                csv.printRecord(SafeCsv.text(rs.getString(1)), SafeCsv.text(rs.getString(2)), SafeCsv.text(rs.getString(3)),
                        rs.getString(4), time(period, rs.getLong(5)), time(period, rs.getLong(6)), time(period, rs.getLong(7)),
                        time(period, rs.getLong(8)), failed ? rs.getInt(9) : "", failed ? rs.getInt(10) : "",
                        failed ? SafeCsv.text(rs.getString(11)) : "", failed ? SafeCsv.text(rs.getString(12)) : "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            progress.row(++rows[0]);
        });
        csv.flush();
        return rows[0];
    }

    static String time(ReportPeriod period, long epochSeconds) {
        return epochSeconds <= 0 ? "" : ReportWriter.ISO_TIME.format(period.local(epochSeconds));
    }
}
