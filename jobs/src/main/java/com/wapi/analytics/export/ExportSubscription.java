package com.wapi.analytics.export;

import com.wapi.analytics.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** A manager's standing order for a workspace's export, mailed daily or weekly as CSV or as a workbook. */
public record ExportSubscription(long id, String workspaceId, String email, Exports.Kind kind, Cadence cadence,
        boolean active, OffsetDateTime createdAt, ExportFormat format) {

    public enum Cadence {
        daily, weekly;

        /** The last period that is complete on local day {@code today}: yesterday, or last Monday to Sunday. */
        public Period lastClosed(LocalDate today) {
            if (this == daily) {
                return new Period(today.minusDays(1), today.minusDays(1));
            }
            LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
            return new Period(monday, monday.plusDays(6));
        }

        /** The period that begins on {@code start}: that day, or that Monday to Sunday. */
        public Period startingOn(LocalDate start) {
            if (this == weekly && start.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new InvalidInputException("a weekly period starts on a Monday, " + start + " is a "
                        + start.getDayOfWeek().toString().toLowerCase(Locale.ROOT) + ": use "
                        + start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            }
            return new Period(start, this == daily ? start : start.plusDays(6));
        }
    }

    /** Local days of the organization, both ends included. */
    public record Period(LocalDate start, LocalDate end) {
    }
}
