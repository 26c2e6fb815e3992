package com.wapi.analytics.web;

import com.wapi.analytics.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The local days a page covers, from its from/to parameters; without them the last 7 local days of the organization
 * (today and the six before).
 */
record PagePeriod(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 7;

    /** The period picker's shortcuts: a label and how many days back from today they start. */
    public record Preset(String label, String query) {
    }

    static PagePeriod of(String from, String to, ZoneId zone) {
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            LocalDate today = LocalDate.now(zone);
            return new PagePeriod(today.minusDays(DEFAULT_DAYS - 1), today);
        }
        try {
            return new PagePeriod(LocalDate.parse(from), LocalDate.parse(to));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInputException("give both from and to as YYYY-MM-DD (local days of the organization)");
        }
    }

    String query() {
        return "from=" + from + "&to=" + to;
    }

    static List<Preset> presets(ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        return List.of(preset("Today", today, today), preset("Yesterday", today.minusDays(1), today.minusDays(1)),
                preset("Last 7 days", today.minusDays(6), today), preset("Last 30 days", today.minusDays(29), today),
                preset("Last 90 days", today.minusDays(89), today));
    }

    private static Preset preset(String label, LocalDate from, LocalDate to) {
        return new Preset(label, new PagePeriod(from, to).query());
    }
}
