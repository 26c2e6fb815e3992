package com.wapi.analytics.api;

import com.wapi.analytics.export.ExportFormat;
import com.wapi.analytics.export.Exports;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.Reports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exports over HTTP. A CSV is streamed as it is read from ClickHouse, a workbook once it is complete. The
 * export runs on the request's thread, so no asynchronous timeout cuts a long one; when it fails part way, the
 * exception reaches the server after the response is committed and the server closes the connection without the
 * final chunk, so a client sees an aborted download, never a well-formed truncated file.
 */
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

    @Operation(summary = "A workspace's export, as managers receive it by email",
            description = "Streamed as it is read; a failure part way aborts the download (no truncated file).")
    @ApiResponse(responseCode = "200", description = "the file (Content-Disposition: attachment)", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/v1/workspaces/{workspaceId}/exports/{kind}.{format}")
    void export(@PathVariable String workspaceId,
            @Parameter(schema = @Schema(allowableValues = {"broadcasts", "conversations"})) @PathVariable String kind,
            @Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @PathVariable String format,
            @Parameter(description = ReportsApiController.FROM) @RequestParam @DateTimeFormat(iso = ISO.DATE)
            LocalDate from,
            @Parameter(description = ReportsApiController.TO) @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @Parameter(description = "broadcasts only: one row per recipient instead of per broadcast")
            @RequestParam(defaultValue = "false") boolean recipients,
            @Parameter(hidden = true) @RequestHeader(name = "Authorization", required = false) String authorization,
            HttpServletResponse response) throws IOException {
        access.check(authorization, workspaceId);
        Exports.Kind exportKind;
        ExportFormat exportFormat;
        try {
            exportKind = Exports.Kind.valueOf(kind);
            exportFormat = ExportFormat.valueOf(format);
        } catch (IllegalArgumentException e) {
            throw new ApiError(HttpStatus.NOT_FOUND, "not_found",
                    "exports are broadcasts and conversations, each as .csv or .xlsx (e.g. broadcasts.xlsx)");
        }
        ReportPeriod period = reports.period(workspaceId, from, to);
        response.setContentType(exportFormat.mediaType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + kind + "-" + workspaceId + "-" + from + "-" + to
                + "." + exportFormat + "\"");
        OutputStream out = response.getOutputStream();
        exports.write(exportKind, period, recipients, exportFormat, out);
        out.flush();
    }
}
