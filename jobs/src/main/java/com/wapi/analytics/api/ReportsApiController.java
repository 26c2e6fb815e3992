package com.wapi.analytics.api;

import com.wapi.analytics.report.AuditLog;
import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.ReportWriter;
import com.wapi.analytics.report.Reports;
import java.io.StringWriter;
import java.time.LocalDate;
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

    private final ReadAccess access;
    private final Reports reports;
    private final AuditLog audit;

    ReportsApiController(ReadAccess access, Reports reports, AuditLog audit) {
        this.access = access;
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping(path = "/reports/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode json(@PathVariable String workspaceId, @PathVariable String name,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from, @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        access.check(authorization, workspaceId);
        return ReportWriter.toJson(reports.run(name, workspaceId, from, to));
    }

    @GetMapping(path = "/reports/{name}", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String workspaceId, @PathVariable String name,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from, @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(required = false) String section,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        access.check(authorization, workspaceId);
        Report report = reports.run(name, workspaceId, from, to);
        StringWriter out = new StringWriter();
        ReportWriter.csv(report.sectionOrFirst(section), out);
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + workspaceId + "-" + from + "-" + to + ".csv\"")
                .body(out.toString());
    }

    @GetMapping(path = "/flow-runs/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode flowRun(@PathVariable String workspaceId, @PathVariable String runId,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        access.check(authorization, workspaceId);
        return ReportWriter.toJson(reports.flowRun(workspaceId, runId));
    }

    @GetMapping(path = "/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditLog.Page audit(@PathVariable String workspaceId,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from, @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(required = false) String agent, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "1") int page, @RequestParam(name = "page_size", defaultValue = "100") int pageSize,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        access.check(authorization, workspaceId);
        return audit.page(reports.period(workspaceId, from, to), agent, action, page, pageSize);
    }
}
