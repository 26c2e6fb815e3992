package com.wapi.analytics.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wapi.analytics.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Business seconds worked out by hand, in America/New_York (UTC-5 in winter, UTC-4 in summer). */
class BusinessClockTests {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final WeeklySchedule OFFICE = WeeklySchedule.parse("mon-fri 09:00-18:00, sat 10:00-14:00");

    static long business(WeeklySchedule schedule, Set<LocalDate> holidays, String from, String to) {
        return new BusinessClock(schedule, holidays, NEW_YORK).seconds(Instant.parse(from).getEpochSecond(),
                Instant.parse(to).getEpochSecond());
    }

    @Test
    void overNightOnlyTheOpenHoursCount() {
        // Tue 17:00 to Wed 09:30 local: 17:00-18:00 and 09:00-09:30
        assertThat(business(OFFICE, Set.of(), "2026-11-24T22:00:00Z", "2026-11-25T14:30:00Z")).isEqualTo(3600 + 1800);
    }

    @Test
    void overAWeekendSaturdayMorningCountsAndSundayDoesNot() {
        // Fri 17:30 to Mon 09:15: 30 min on Friday, 4 h on Saturday, 15 min on Monday
        assertThat(business(OFFICE, Set.of(), "2026-11-27T22:30:00Z", "2026-11-30T14:15:00Z")).isEqualTo(1800 + 14400 + 900);
        assertThat(business(OFFICE, Set.of(), "2026-11-29T17:00:00Z", "2026-11-29T18:00:00Z")).isZero();
    }

    @Test
    void aHolidayIsClosedAllDay() {
        // Thu 12-24 17:00 to Mon 12-28 10:00, Friday 12-25 a holiday: 1 h + 0 + 4 h + 1 h
        String from = "2026-12-24T22:00:00Z";
        String to = "2026-12-28T15:00:00Z";
        assertThat(business(OFFICE, Set.of(LocalDate.parse("2026-12-25")), from, to)).isEqualTo(3600 + 14400 + 3600);
        assertThat(business(OFFICE, Set.of(), from, to)).isEqualTo(3600 + 32400 + 14400 + 3600);
    }

    @Test
    void dstDaysLastWhatTheWallClockSays() {
        WeeklySchedule nights = WeeklySchedule.parse("sun 00:00-06:00");
        // 2026-03-08: 00:00 EST (05:00Z) to 06:00 EDT (10:00Z) is five hours; the wait runs Sat 20:00 to Sun 07:00 local
        assertThat(business(nights, Set.of(), "2026-03-08T01:00:00Z", "2026-03-08T11:00:00Z")).isEqualTo(5 * 3600);
        // 2026-11-01: 00:00 EDT (04:00Z) to 06:00 EST (11:00Z) is seven hours; the wait runs Sat 23:00 to Sun 12:00 local
        assertThat(business(nights, Set.of(), "2026-11-01T03:00:00Z", "2026-11-01T17:00:00Z")).isEqualTo(7 * 3600);
        // every hour counts when the workspace set no hours: the spring-forward day has 23
        assertThat(business(WeeklySchedule.ALWAYS, Set.of(), "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z")).isEqualTo(23 * 3600);
    }

    @Test
    void aWaitThatEndsBeforeItStartsCountsNothing() {
        assertThat(business(OFFICE, Set.of(), "2026-11-24T16:00:00Z", "2026-11-24T15:00:00Z")).isZero();
    }

    @Test
    void schedulesParseMergeAndPrintInOneForm() {
        WeeklySchedule split = WeeklySchedule.parse("Mon-Fri 09:00-12:00 13:00-18:00; sat 10:00-14:00, sat 13:00-15:00");
        assertThat(split.on(DayOfWeek.WEDNESDAY)).containsExactly(new WeeklySchedule.Range(9 * 3600, 12 * 3600),
                new WeeklySchedule.Range(13 * 3600, 18 * 3600));
        assertThat(split.on(DayOfWeek.SATURDAY)).containsExactly(new WeeklySchedule.Range(10 * 3600, 15 * 3600));
        assertThat(split.on(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(split.toString()).isEqualTo("mon-fri 09:00-12:00 13:00-18:00, sat 10:00-15:00");
        assertThat(WeeklySchedule.parse(split.toString())).isEqualTo(split);
        assertThat(WeeklySchedule.parse("fri-mon 22:00-24:00").toString()).isEqualTo("mon 22:00-24:00, fri-sun 22:00-24:00");
    }

    @Test
    void aBadScheduleNamesTheFix() {
        for (String bad : List.of("mon-fri 9-18", "mon-fri 18:00-09:00", "xyz 09:00-18:00", "mon 09:00-24:30", "")) {
            assertThatThrownBy(() -> WeeklySchedule.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("--business-hours").hasMessageContaining("mon-fri 09:00-18:00");
        }
    }
}
