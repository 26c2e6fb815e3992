package com.wapi.analytics.web;

import com.wapi.analytics.csv.SafeCsv;
import com.wapi.analytics.report.BroadcastRecipients;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A broadcast's recipients as CSV, with the filters of its page, streamed row by row. */
@RestController
class RecipientsCsvController {

    private final BroadcastRecipients recipients;

    RecipientsCsvController(BroadcastRecipients recipients) {
        this.recipients = recipients;
    }

    @GetMapping("/app/workspaces/{workspaceId}/broadcasts/{broadcastId}/recipients.csv")
    ResponseEntity<StreamingResponseBody> csv(@ModelAttribute(binding = false) Frame frame, @PathVariable String broadcastId,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer code) {
        BroadcastRecipients.Filter filter = new BroadcastRecipients.Filter(status, code);
        String file = "recipients-" + broadcastId.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + frame.period().from() + "-"
                + frame.period().to() + ".csv";
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = SafeCsv.printer(writer, "contact", "wamid", "status", "sent_at", "delivered_at", "read_at",
                    "failed_at", "error_code", "error_subcode", "error_title");
            recipients.each(frame.period(), broadcastId, filter, r -> {
                try {
                    csv.printRecord(SafeCsv.text(r.contact()), SafeCsv.text(r.wamid()), r.state(), r.sentAt(), r.deliveredAt(),
                            r.readAt(), r.failedAt(), r.errorCode(), r.errorSubcode(), SafeCsv.text(r.errorTitle()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"").body(body);
    }
}
