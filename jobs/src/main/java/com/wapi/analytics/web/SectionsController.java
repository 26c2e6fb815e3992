package com.wapi.analytics.web;

import com.wapi.analytics.report.FactQueries;
import com.wapi.analytics.report.Report;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The pages that show a report's sections as they are: attribution and flows. */
@Controller
class SectionsController {

    private final ReportRuns runs;

    SectionsController(ReportRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/app/workspaces/{workspaceId}/attribution")
    String attribution(@ModelAttribute(binding = false) Frame frame, Model model) {
        return sections(frame, "attribution", "Attribution", model);
    }

    @GetMapping("/app/workspaces/{workspaceId}/flows")
    String flows(@ModelAttribute(binding = false) Frame frame, Model model) {
        return sections(frame, "flows", "Flows", model);
    }

    private String sections(Frame frame, String name, String title, Model model) {
        Report report = FactQueries.get(runs.report(name, frame.period()));
        List<Grid> grids = report.sections().stream().map(s -> Grid.of(report, s.name())).toList();
        model.addAttribute("title", title);
        model.addAttribute("grids", grids);
        model.addAttribute("definitions", report.definitions());
        return "sections";
    }
}
