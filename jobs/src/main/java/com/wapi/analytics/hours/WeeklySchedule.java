package com.wapi.analytics.hours;

import com.wapi.analytics.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Open hours per weekday in local time, e.g. {@code mon-fri 09:00-12:00 13:00-18:00, sat 10:00-14:00}. A range ends
 * at most at 24:00 (the start of the next day); a range over midnight is written as two days' ranges.
 */
public final class WeeklySchedule {

    static final String EXAMPLE = "\"mon-fri 09:00-18:00, sat 10:00-14:00\"";
    private static final Pattern ENTRY = Pattern.compile("([a-z]{3})(?:-([a-z]{3}))?((?:\\s+\\d{2}:\\d{2}-\\d{2}:\\d{2})+)");
    private static final Pattern RANGE = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    /** Every hour of every day. */
    public static final WeeklySchedule ALWAYS = parse("mon-sun 00:00-24:00");

    /** Seconds from local midnight: [start, end), end at most 86400. */
    public record Range(int start, int end) {
    }

    private final Map<DayOfWeek, List<Range>> days;

    private WeeklySchedule(Map<DayOfWeek, List<Range>> days) {
        this.days = days;
    }

    /** The day's open ranges, sorted and not overlapping. */
    public List<Range> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    public static WeeklySchedule parse(String text) {
        Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
        for (String entry : text.strip().toLowerCase(Locale.ROOT).split("\\s*[,;]\\s*")) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw invalid("'" + entry + "' is not DAY[-DAY] HH:MM-HH:MM [HH:MM-HH:MM ...]");
            }
            DayOfWeek first = day(m.group(1));
            DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
            List<Range> ranges = ranges(m.group(3));
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.computeIfAbsent(d, k -> new ArrayList<>()).addAll(ranges);
                if (d == last) {
                    break;
                }
            }
        }
        days.replaceAll((d, ranges) -> merged(ranges));
        return new WeeklySchedule(days);
    }

    private static List<Range> ranges(String text) {
        List<Range> ranges = new ArrayList<>();
        Matcher m = RANGE.matcher(text);
        while (m.find()) {
            int start = seconds(m.group(1), m.group(2));
            int end = seconds(m.group(3), m.group(4));
            if (end <= start) {
                throw invalid("the range " + m.group() + " ends before it starts; write a range over midnight as two days' ranges");
            }
            ranges.add(new Range(start, end));
        }
        return ranges;
    }

    private static int seconds(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (h > 24 || m > 59 || (h == 24 && m > 0)) {
            throw invalid(hours + ":" + minutes + " is not a time of day (00:00 to 24:00)");
        }
        return h * 3600 + m * 60;
    }

    private static List<Range> merged(List<Range> ranges) {
        ranges.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Range> merged = new ArrayList<>();
        for (Range r : ranges) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.start() <= last.end()) {
                merged.set(merged.size() - 1, new Range(last.start(), Math.max(last.end(), r.end())));
            } else {
                merged.add(r);
            }
        }
        return List.copyOf(merged);
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(name)) {
                return d;
            }
        }
        throw invalid("'" + name + "' is not a day: use mon, tue, wed, thu, fri, sat, sun");
    }

    private static InvalidInputException invalid(String why) {
        return new InvalidInputException("--business-hours: " + why + "; e.g. " + EXAMPLE);
    }

    /** Consecutive days with the same ranges joined, e.g. {@code mon-fri 09:00-18:00, sat 10:00-14:00}: the form stored and printed. */
    @Override
    public String toString() {
        List<String> entries = new ArrayList<>();
        DayOfWeek[] week = DayOfWeek.values();
        for (int i = 0; i < week.length; ) {
            int j = i;
            while (j + 1 < week.length && on(week[j + 1]).equals(on(week[i]))) {
                j++;
            }
            if (!on(week[i]).isEmpty()) {
                entries.add(name(week[i]) + (j > i ? "-" + name(week[j]) : "") + " "
                        + on(week[i]).stream().map(r -> time(r.start()) + "-" + time(r.end())).collect(Collectors.joining(" ")));
            }
            i = j + 1;
        }
        return String.join(", ", entries);
    }

    private static String name(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    private static String time(int seconds) {
        return seconds == 86400 ? "24:00" : LocalTime.ofSecondOfDay(seconds).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklySchedule other && days.equals(other.days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }
}
