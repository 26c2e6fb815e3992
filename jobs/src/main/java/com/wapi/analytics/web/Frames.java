package com.wapi.analytics.web;

import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.Reports;
import com.wapi.analytics.signin.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Builds a page's {@link Frame}: the workspace from the path, checked against the viewer, and the period asked for. */
@Component
class Frames {

    private final Reports reports;

    Frames(Reports reports) {
        this.reports = reports;
    }

    Frame frame(Viewer viewer, String workspaceId, String from, String to, String page) {
        Viewer.WorkspaceRef workspace = viewer.workspaces().stream().filter(w -> w.id().equals(workspaceId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        PagePeriod days = PagePeriod.of(from, to, viewer.zone());
        ReportPeriod period = reports.period(workspace.id(), days.from(), days.to());
        return new Frame(viewer, workspace, period, page, PagePeriod.presets(period.zone()));
    }
}
