package com.wapi.analytics.export;

import com.wapi.analytics.report.ReportPeriod;
import java.io.IOException;
import java.io.Writer;
import org.springframework.stereotype.Service;

/** The CSV exports for managers, shared by the CLI, the API and the scheduled exports. */
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

    /** Writes the CSV (RFC 4180, UTF-8, header row) and returns the number of data rows. */
    public long write(Kind kind, ReportPeriod period, boolean perRecipient, Writer out) throws IOException {
        return write(kind, period, perRecipient, out, ExportProgress.NONE);
    }

    long write(Kind kind, ReportPeriod period, boolean perRecipient, Writer out, ExportProgress progress) throws IOException {
        return switch (kind) {
            case broadcasts -> perRecipient ? recipients.write(period, out, progress) : broadcasts.write(period, out);
            case conversations -> conversations.write(period, out, progress);
        };
    }
}
