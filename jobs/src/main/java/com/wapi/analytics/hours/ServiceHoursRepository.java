package com.wapi.analytics.hours;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ServiceHoursRepository {

    private final JdbcClient db;

    public ServiceHoursRepository(JdbcClient db) {
        this.db = db;
    }

    /** The workspace's settings, or open every hour with no SLA when it has set none. */
    public ServiceHours find(String workspaceId) {
        return db.sql("""
                SELECT business_hours, holidays, sla_first_response_seconds, sla_resolution_seconds
                  FROM workspace_service_hours WHERE workspace_id = ?""")
                .param(workspaceId)
                .query((rs, n) -> read(workspaceId, rs)).optional()
                .orElseGet(() -> ServiceHours.none(workspaceId));
    }

    public void save(ServiceHours hours) {
        db.sql("""
                INSERT INTO workspace_service_hours (workspace_id, business_hours, holidays, sla_first_response_seconds,
                    sla_resolution_seconds)
                VALUES (?, ?, ?::date[], ?, ?)
                ON CONFLICT (workspace_id) DO UPDATE SET business_hours = EXCLUDED.business_hours,
                    holidays = EXCLUDED.holidays, sla_first_response_seconds = EXCLUDED.sla_first_response_seconds,
                    sla_resolution_seconds = EXCLUDED.sla_resolution_seconds, updated_at = now()""")
                .params(hours.workspaceId(), hours.schedule().toString(),
                        "{" + String.join(",", hours.holidays().stream().map(LocalDate::toString).toList()) + "}",
                        seconds(hours.firstResponseSla()), seconds(hours.resolutionSla()))
                .update();
    }

    private static ServiceHours read(String workspaceId, ResultSet rs) throws SQLException {
        Array holidays = rs.getArray(2);
        TreeSet<LocalDate> days = new TreeSet<>(Arrays.stream((Date[]) holidays.getArray()).map(Date::toLocalDate).toList());
        return new ServiceHours(workspaceId, WeeklySchedule.parse(rs.getString(1)), days,
                duration(rs.getObject(3, Long.class)), duration(rs.getObject(4, Long.class)));
    }

    private static Duration duration(Long seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
