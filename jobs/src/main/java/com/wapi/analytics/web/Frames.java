package com.wapi.analytics.web;

import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.Reports;
import com.wapi.analytics.signin.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Puts every workspace page's {@link Frame} into its model as "frame", before the page's own handler runs: the
 * workspace from the path, checked against the viewer, the period from the from/to parameters, and the page from the
 * path segment after the workspace (/app/workspaces/{id}/broadcasts/... is the broadcasts page).
 */
@ControllerAdvice(basePackageClasses = Frames.class)
class Frames {

    private final Reports reports;

    Frames(Reports reports) {
        this.reports = reports;
    }

    @ModelAttribute("frame")
    Frame frame(Viewer viewer, @PathVariable String workspaceId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletRequest request) {
        Viewer.WorkspaceRef workspace = viewer.workspaces().stream().filter(w -> w.id().equals(workspaceId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        PagePeriod days = PagePeriod.of(from, to, viewer.zone());
        ReportPeriod period = reports.period(workspace.id(), days.from(), days.to());
        String page = request.getRequestURI().split("/")[4];
        return new Frame(viewer, workspace, period, page, PagePeriod.presets(period.zone()));
    }
}
