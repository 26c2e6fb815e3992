package com.wapi.analytics.web;

import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.signin.Viewer;
import java.util.List;

/**
 * What every workspace page shows around its figures: who is looking, the workspace and period pickers, the
 * organization's time zone and the navigation, each link keeping the period.
 */
public record Frame(Viewer viewer, Viewer.WorkspaceRef workspace, ReportPeriod period, String page, List<PagePeriod.Preset> presets) {

    public record NavItem(String page, String label) {
    }

    static final List<NavItem> NAV = List.of(new NavItem("overview", "Overview"), new NavItem("broadcasts", "Broadcasts"),
            new NavItem("failures", "Failures"), new NavItem("agents", "Agents"), new NavItem("attribution", "Attribution"),
            new NavItem("flows", "Flows"), new NavItem("audit", "Audit log"));

    public List<NavItem> nav() {
        return NAV;
    }

    /** The workspace's pages start here: /app/workspaces/{id}. */
    public String base() {
        return "/app/workspaces/" + workspace.id();
    }

    /** The period as a query string, kept by every link. */
    public String query() {
        return "from=" + period.from() + "&to=" + period.to();
    }

    public String zone() {
        return period.zone().getId();
    }

    public String periodLabel() {
        return period.from().equals(period.to()) ? period.from().toString() : period.from() + " to " + period.to();
    }

    public String previousLabel() {
        ReportPeriod previous = period.previous();
        return previous.from().equals(previous.to()) ? previous.from().toString() : previous.from() + " to " + previous.to();
    }
}
