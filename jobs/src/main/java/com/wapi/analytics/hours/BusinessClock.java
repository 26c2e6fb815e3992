package com.wapi.analytics.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the seconds of a wait that fall in business hours: the weekly schedule's ranges in the organization's
 * zone, holidays closed all day. Each local day's ranges become instants through the zone's rules, so a range
 * over a DST change lasts what the clock on the wall says (01:00-04:00 is two hours on the spring-forward night).
 * Not thread-safe: one per report.
 */
public final class BusinessClock {

    private final WeeklySchedule schedule;
    private final Set<LocalDate> holidays;
    private final ZoneId zone;
    private final Map<LocalDate, long[]> openByDay = new HashMap<>();

    public BusinessClock(WeeklySchedule schedule, Set<LocalDate> holidays, ZoneId zone) {
        this.schedule = schedule;
        this.holidays = holidays;
        this.zone = zone;
    }

    /** Business seconds in [from, to), epoch seconds; 0 when to is not after from. */
    public long seconds(long from, long to) {
        long total = 0;
        if (to <= from) {
            return 0;
        }
        LocalDate last = Instant.ofEpochSecond(to).atZone(zone).toLocalDate();
        for (LocalDate day = Instant.ofEpochSecond(from).atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            long[] open = openByDay.computeIfAbsent(day, this::open);
            for (int i = 0; i < open.length; i += 2) {
                total += Math.max(0, Math.min(to, open[i + 1]) - Math.max(from, open[i]));
            }
        }
        return total;
    }

    /** The day's open ranges as epoch seconds, start and end in turn. */
    private long[] open(LocalDate day) {
        if (holidays.contains(day)) {
            return new long[0];
        }
        List<WeeklySchedule.Range> ranges = schedule.on(day.getDayOfWeek());
        long[] open = new long[ranges.size() * 2];
        for (int i = 0; i < ranges.size(); i++) {
            open[2 * i] = instant(day, ranges.get(i).start());
            open[2 * i + 1] = instant(day, ranges.get(i).end());
        }
        return open;
    }

    /** A local time of the day (seconds from midnight, 86400 being the next day's start) as epoch seconds. */
    private long instant(LocalDate day, int secondOfDay) {
        return secondOfDay == 86400 ? day.plusDays(1).atStartOfDay(zone).toEpochSecond()
                : day.atStartOfDay().plusSeconds(secondOfDay).atZone(zone).toEpochSecond();
    }
}
