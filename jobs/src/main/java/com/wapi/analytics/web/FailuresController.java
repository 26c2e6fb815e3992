package com.wapi.analytics.web;

import com.wapi.analytics.report.FactQueries;
import com.wapi.analytics.report.FailureDays;
import com.wapi.analytics.report.Report;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Failures by error code and subcode, each with what it means, what to do, its share and its days. */
@Controller
class FailuresController {

    private final ReportRuns runs;
    private final FailureDays failureDays;

    FailuresController(ReportRuns runs, FailureDays failureDays) {
        this.runs = runs;
        this.failureDays = failureDays;
    }

    @GetMapping("/app/workspaces/{workspaceId}/failures")
    String failures(@ModelAttribute(binding = false) Frame frame, Model model) {
        CompletableFuture<Report> report = runs.report("failures", frame.period());
        Map<String, long[]> days = failureDays.perDay(frame.period());
        long[] none = new long[(int) frame.period().days()];
        model.addAttribute("codes", Grid.of(FactQueries.get(report), "codes", (column, section, row, cell) -> column.equals("failures")
                ? cell.drawn(Charts.sparkline(days.getOrDefault(FailureDays.key(section.value(row, "code"),
                        section.value(row, "subcode")), none)), cell.text())
                : cell, "code", "subcode", "label", "category", "retry", "fix", "failures", "share", "first_seen", "last_seen",
                "previous_failures", "change"));
        return "failures";
    }
}
