package com.wapi.analytics.hours;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;

/**
 * A workspace's business hours (weekly schedule and holidays, in its organization's zone) and its service levels:
 * the first response and resolution targets, counted in business hours; null when not set.
 */
public record ServiceHours(String workspaceId, WeeklySchedule schedule, SortedSet<LocalDate> holidays,
        Duration firstResponseSla, Duration resolutionSla) {

    public static ServiceHours none(String workspaceId) {
        return new ServiceHours(workspaceId, WeeklySchedule.ALWAYS, new java.util.TreeSet<>(), null, null);
    }

    public BusinessClock clock(ZoneId zone) {
        return new BusinessClock(schedule, holidays, zone);
    }

    /** The settings as the audit trail and `workspace set` print them. */
    public Map<String, Object> describe() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("business_hours", schedule.toString());
        state.put("holidays", holidays.stream().map(LocalDate::toString).toList());
        state.put("sla_first_response_seconds", firstResponseSla == null ? null : firstResponseSla.toSeconds());
        state.put("sla_resolution_seconds", resolutionSla == null ? null : resolutionSla.toSeconds());
        return state;
    }
}
