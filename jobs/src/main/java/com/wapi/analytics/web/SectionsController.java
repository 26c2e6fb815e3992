package com.wapi.analytics.web;

import com.wapi.analytics.report.Report;
import com.wapi.analytics.signin.Viewer;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages that show a report's sections as they are: attribution and flows. */
@Controller
class SectionsController {

    private final Frames frames;
    private final ReportRuns runs;

    SectionsController(Frames frames, ReportRuns runs) {
        this.frames = frames;
        this.runs = runs;
    }

    @GetMapping("/app/workspaces/{workspaceId}/attribution")
    String attribution(Viewer viewer, @PathVariable String workspaceId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        return sections(viewer, workspaceId, from, to, "attribution", "Attribution", model);
    }

    @GetMapping("/app/workspaces/{workspaceId}/flows")
    String flows(Viewer viewer, @PathVariable String workspaceId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        return sections(viewer, workspaceId, from, to, "flows", "Flows", model);
    }

    private String sections(Viewer viewer, String workspaceId, String from, String to, String name, String title, Model model) {
        Frame frame = frames.frame(viewer, workspaceId, from, to, name);
        Report report = ReportRuns.get(runs.report(name, frame.period()));
        List<Grid> grids = report.sections().stream().map(s -> Grid.of(report, s.name())).toList();
        model.addAttribute("frame", frame);
        model.addAttribute("title", title);
        model.addAttribute("grids", grids);
        model.addAttribute("definitions", report.definitions());
        return "sections";
    }
}
