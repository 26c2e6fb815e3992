package com.wapi.analytics.report;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.OrganizationRepository;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** The one entry to the operational reports, shared by the CLI, the API, the digest and the exports. */
@Service
public class Reports {

    /** Longest period a report covers: a year and a day (leap years). */
    public static final int MAX_DAYS = 366;

    private final Map<String, OperationalReport> byName = new TreeMap<>();
    private final FlowsReport flows;
    private final WorkspaceRepository workspaces;
    private final OrganizationRepository organizations;

    public Reports(List<OperationalReport> reports, FlowsReport flows, WorkspaceRepository workspaces,
            OrganizationRepository organizations) {
        reports.forEach(r -> byName.put(r.name(), r));
        this.flows = flows;
        this.workspaces = workspaces;
        this.organizations = organizations;
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Report run(String name, String workspaceId, LocalDate from, LocalDate to) {
        return run(name, workspaceId, from, to, Set.of());
    }

    /** Only the report's sections named (all when empty). */
    public Report run(String name, String workspaceId, LocalDate from, LocalDate to, Set<String> sections) {
        OperationalReport report = byName.get(name);
        if (report == null) {
            throw new InvalidInputException("unknown report " + name + ": choose one of " + names());
        }
        return report.build(period(workspaceId, from, to), sections);
    }

    /** One flow run's steps with their inputs and outputs, in the days of the workspace's organization it spans. */
    public Report flowRun(String workspaceId, String runId) {
        LocalDate today = LocalDate.now();
        return flows.run(period(workspaceId, today, today), runId);
    }

    public ReportPeriod period(String workspaceId, LocalDate from, LocalDate to) {
        Workspace workspace = workspaces.findById(workspaceId).orElseThrow(() -> new InvalidInputException(
                "unknown workspace " + workspaceId + ": see `scripts/wapi workspace list`"));
        Organization organization = organizations.findById(workspace.organizationId()).orElseThrow();
        if (from == null || to == null) {
            throw new InvalidInputException("give both --from and --to (YYYY-MM-DD, local days of the organization)");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("--to " + to + " is before --from " + from);
        }
        ReportPeriod period = new ReportPeriod(workspace, organization, from, to);
        if (period.days() > MAX_DAYS) {
            throw new InvalidInputException("a report covers at most " + MAX_DAYS + " days; this asks for " + period.days());
        }
        return period;
    }
}
