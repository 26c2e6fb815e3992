package com.wapi.analytics.export;

import com.wapi.analytics.report.ReportPeriod;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.stereotype.Service;

/** The exports for managers, shared by the CLI, the API and the scheduled exports, as CSV or as a workbook. */
@Service
public class Exports {

    public enum Kind { broadcasts, conversations }

    private final BroadcastsExport broadcasts;
    private final RecipientsExport recipients;
    private final ConversationsExport conversations;

    Exports(BroadcastsExport broadcasts, RecipientsExport recipients, ConversationsExport conversations) {
        this.broadcasts = broadcasts;
        this.recipients = recipients;
        this.conversations = conversations;
    }

    /**
     * Writes the export (a header row, then the data rows) and returns the number of data rows. The stream is left
     * open; when the export fails part way, the exception leaves it without the end of the file.
     */
    public long write(Kind kind, ReportPeriod period, boolean perRecipient, ExportFormat format, OutputStream out)
            throws IOException {
        return write(kind, period, perRecipient, format, out, ExportProgress.NONE);
    }

    long write(Kind kind, ReportPeriod period, boolean perRecipient, ExportFormat format, OutputStream out,
            ExportProgress progress) throws IOException {
        return switch (kind) {
            case broadcasts -> perRecipient ? recipients.write(period, format, out, progress) : broadcasts.write(period, format, out);
            case conversations -> conversations.write(period, format, out, progress);
        };
    }
}
