package com.wapi.analytics.web;

import com.wapi.analytics.report.OverviewFigures.CodeFailures;
import com.wapi.analytics.report.Section;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What moved, in words: the trends report's flags against the day before, by weekday ("delivery rate fell 9.0
 * points on Tuesday"), and the error codes whose failures at least doubled against the previous period.
 */
final class Moves {

    private Moves() {
    }

    /** @param days the trends report's days */
    static List<String> of(Section days, List<CodeFailures> failures) {
        List<String> moves = new ArrayList<>();
        for (List<Object> row : days.rows()) {
            String flags = (String) days.value(row, "flags");
            if (flags == null || flags.isEmpty()) {
                continue;
            }
            String weekday = LocalDate.parse((String) days.value(row, "day")).getDayOfWeek()
                    .getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            for (String flag : flags.split("; ")) {
                if (flag.endsWith(" vs the day before")) {
                    moves.add(words(flag.substring(0, flag.length() - " vs the day before".length())) + " on " + weekday);
                }
            }
        }
        for (CodeFailures code : failures) {
            long now = code.failures();
            long before = code.previousFailures();
            if (before > 0 && now >= 2 * before) {
                moves.add(code.code() + " " + (now >= 3 * before ? "more than doubled" : "doubled") + " (" + before + " to " + now + ")");
            }
        }
        return moves;
    }

    /** "delivery rate -9.0 pts" -> "delivery rate fell 9.0 points"; "failures +12" -> "failures rose by 12". */
    static String words(String flag) {
        int space = flag.lastIndexOf(' ');
        String last = flag.substring(space + 1);
        if (last.equals("pts")) {
            int value = flag.lastIndexOf(' ', space - 1);
            String move = flag.substring(value + 1, space);
            return flag.substring(0, value) + (move.startsWith("-") ? " fell " : " rose ") + move.substring(1) + " points";
        }
        if (last.startsWith("+") || last.startsWith("-")) {
            return flag.substring(0, space) + (last.startsWith("-") ? " fell by " : " rose by ") + last.substring(1);
        }
        return flag;
    }
}
