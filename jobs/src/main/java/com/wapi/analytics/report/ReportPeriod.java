package com.wapi.analytics.report;

import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Workspace;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One workspace and a range of its organization's local calendar days, both ends included (docs/definitions.md: a day is
 * a calendar day in the organization's time zone, DST aware). Queries bind its UTC bounds.
 */
public record ReportPeriod(Workspace workspace, Organization organization, LocalDate from, LocalDate to) {

    /** ClickHouse DateTime text in UTC, as every query binds times: toDateTime(:t, 'UTC'). */
    public static final DateTimeFormatter CLICKHOUSE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    public String workspaceId() {
        return workspace.id();
    }

    public ZoneId zone() {
        return organization.timeZone();
    }

    /** Start of the first day, as ClickHouse DateTime text in UTC. */
    public String utcFrom() {
        return CLICKHOUSE.format(from.atStartOfDay(zone()));
    }

    /** Start of the day after the last day, as ClickHouse DateTime text in UTC. */
    public String utcTo() {
        return CLICKHOUSE.format(to.plusDays(1).atStartOfDay(zone()));
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of equal length just before this one. */
    public ReportPeriod previous() {
        return new ReportPeriod(workspace, organization, from.minusDays(days()), from.minusDays(1));
    }

    public ReportPeriod startingEarlier(long days) {
        return new ReportPeriod(workspace, organization, from.minusDays(days), to);
    }

    /** An instant from ClickHouse (epoch seconds, 0 meaning none) in the organization's offset. */
    public OffsetDateTime local(long epochSeconds) {
        return epochSeconds <= 0 ? null : Instant.ofEpochSecond(epochSeconds).atZone(zone()).toOffsetDateTime();
    }
}
