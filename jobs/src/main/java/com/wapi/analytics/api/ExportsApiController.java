package com.wapi.analytics.api;

import com.wapi.analytics.export.Exports;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.Reports;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The CSV exports over HTTP, streamed as they are read from ClickHouse. */
@RestController
class ExportsApiController {

    private final ReadAccess access;
    private final Reports reports;
    private final Exports exports;

    ExportsApiController(ReadAccess access, Reports reports, Exports exports) {
        this.access = access;
        this.reports = reports;
        this.exports = exports;
    }

    @GetMapping("/api/v1/workspaces/{workspaceId}/exports/{kind}.csv")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String workspaceId, @PathVariable String kind,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from, @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean recipients,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        access.check(authorization, workspaceId);
        Exports.Kind exportKind;
        try {
            exportKind = Exports.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new ApiError(HttpStatus.NOT_FOUND, "not_found", "exports are broadcasts.csv and conversations.csv");
        }
        ReportPeriod period = reports.period(workspaceId, from, to);
        StreamingResponseBody body = stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            exports.write(exportKind, period, recipients, out);
            out.flush();
        };
        return ResponseEntity.ok().contentType(ReportsApiController.CSV)
                .header("Content-Disposition", "attachment; filename=\"" + kind + "-" + workspaceId + "-" + from + "-" + to + ".csv\"")
                .body(body);
    }
}
