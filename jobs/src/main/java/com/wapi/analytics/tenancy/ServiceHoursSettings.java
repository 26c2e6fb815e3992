package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.hours.ServiceHours;
import com.wapi.analytics.hours.ServiceHoursRepository;
import com.wapi.analytics.hours.WeeklySchedule;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes a workspace's business hours and SLA; the change and its audit row commit together. */
@Service
@Transactional
public class ServiceHoursSettings {

    /** What to change; null leaves a setting as it is. */
    public record Change(String businessHours, List<LocalDate> addHolidays, List<LocalDate> removeHolidays,
            String firstResponseSla, String resolutionSla) {
    }

    private final WorkspaceRepository workspaces;
    private final ServiceHoursRepository repository;
    private final AdminAudit audit;

    public ServiceHoursSettings(WorkspaceRepository workspaces, ServiceHoursRepository repository, AdminAudit audit) {
        this.workspaces = workspaces;
        this.repository = repository;
        this.audit = audit;
    }

    public ServiceHours set(String workspaceId, Change change, String actor) {
        Workspace workspace = workspaces.findById(workspaceId).orElseThrow(() -> new InvalidInputException(
                "unknown workspace " + workspaceId + ": see `scripts/wapi workspace list`"));
        ServiceHours before = repository.find(workspaceId);
        TreeSet<LocalDate> holidays = new TreeSet<>(before.holidays());
        holidays.addAll(change.addHolidays());
        change.removeHolidays().forEach(holidays::remove);
        ServiceHours after = new ServiceHours(workspaceId,
                change.businessHours() == null ? before.schedule()
                        : change.businessHours().strip().equalsIgnoreCase("always") ? WeeklySchedule.ALWAYS
                        : WeeklySchedule.parse(change.businessHours()),
                holidays,
                change.firstResponseSla() == null ? before.firstResponseSla() : target(change.firstResponseSla(), "--sla-first-response"),
                change.resolutionSla() == null ? before.resolutionSla() : target(change.resolutionSla(), "--sla-resolution"));
        if (!after.equals(before)) {
            repository.save(after);
            audit.record(new AdminAudit.Change(actor, workspace.organizationId(), workspaceId, "workspace.set", workspaceId,
                    before.describe(), after.describe()));
        }
        return after;
    }

    /** A target such as 15m, 8h or 2d; "off" removes it. */
    private static Duration target(String text, String option) {
        if (text.strip().equalsIgnoreCase("off")) {
            return null;
        }
        Duration target;
        try {
            target = DurationStyle.SIMPLE.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(option + ": '" + text + "' is not a duration; write e.g. 15m, 90m, 8h, 2d, or off");
        }
        if (target.isNegative() || target.isZero() || target.toSeconds() == 0) {
            throw new InvalidInputException(option + ": give a target of at least one second, e.g. 15m, or off");
        }
        return target;
    }
}
