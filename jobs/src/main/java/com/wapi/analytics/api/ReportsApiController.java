package com.wapi.analytics.api;

import com.wapi.analytics.report.AuditLog;
import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.ReportWriter;
import com.wapi.analytics.report.Reports;
import java.io.StringWriter;
import java.time.LocalDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** The read-only reporting API: the CLI's reports and the audit log of one workspace, for a read token. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
class ReportsApiController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final String FROM = "first local day of the organization (YYYY-MM-DD)";
    static final String TO = "last local day, included (YYYY-MM-DD)";
    private static final String REPORT = "JSON with every section; CSV (Accept: text/csv) with one section, the first "
            + "unless `section` names another. Times are ISO-8601 with the organization's offset; rates are fractions "
            + "(0.76 = 76%).";

    private final ReadAccess access;
    private final Reports reports;
    private final AuditLog audit;

    ReportsApiController(ReadAccess access, Reports reports, AuditLog audit) {
        this.access = access;
        this.reports = reports;
        this.audit = audit;
    }

    @Operation(summary = "An operational report", description = REPORT)
    @ApiResponse(responseCode = "200", description = "the report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReportDocument.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(value = """
                    broadcast_id,name,template,targeted,sent,delivered,read,failed,delivery_rate,read_rate
                    bc-acme-sales-2026-11-24-1,Campaign 2026-11-24 #1,order_update,300,294,250,144,43,0.833,0.576
                    """))})
    @GetMapping(path = "/reports/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode json(@PathVariable String workspaceId, @Parameter(description = "the report") @PathVariable String name,
            @Parameter(description = FROM) @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @Parameter(hidden = true) @RequestHeader(name = "Authorization", required = false) String authorization) {
        access.check(authorization, workspaceId);
        return ReportWriter.toJson(reports.run(name, workspaceId, from, to));
    }

    @Operation(summary = "An operational report", description = REPORT)
    @GetMapping(path = "/reports/{name}", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String workspaceId,
            @Parameter(description = "the report") @PathVariable String name,
            @Parameter(description = FROM) @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @Parameter(description = "with text/csv: the section to export") @RequestParam(required = false)
            String section,
            @Parameter(hidden = true) @RequestHeader(name = "Authorization", required = false) String authorization) {
        access.check(authorization, workspaceId);
        Report report = reports.run(name, workspaceId, from, to);
        StringWriter out = new StringWriter();
        ReportWriter.csv(report.sectionOrFirst(section), out);
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + workspaceId + "-" + from + "-" + to + ".csv\"")
                .body(out.toString());
    }

    @Operation(summary = "One flow run: its steps, in order, with their times and outcomes")
    @ApiResponse(responseCode = "200", description = "the run", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReportDocument.class)))
    @GetMapping(path = "/flow-runs/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode flowRun(@PathVariable String workspaceId, @PathVariable String runId,
            @Parameter(hidden = true) @RequestHeader(name = "Authorization", required = false) String authorization) {
        access.check(authorization, workspaceId);
        return ReportWriter.toJson(reports.flowRun(workspaceId, runId));
    }

    @Operation(summary = "The audit log of agent actions, a page at a time")
    @ApiResponse(responseCode = "200", description = "one page of the log")
    @GetMapping(path = "/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditLog.Page audit(@PathVariable String workspaceId,
            @Parameter(description = FROM) @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @Parameter(description = TO) @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @Parameter(description = "only this agent's actions") @RequestParam(required = false) String agent,
            @Parameter(description = "only this action") @RequestParam(required = false) String action,
            @Parameter(description = "from 1") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "entries per page") @RequestParam(name = "page_size", defaultValue = "100")
            int pageSize,
            @Parameter(hidden = true) @RequestHeader(name = "Authorization", required = false) String authorization) {
        access.check(authorization, workspaceId);
        return audit.page(reports.period(workspaceId, from, to), agent, action, page, pageSize);
    }
}
