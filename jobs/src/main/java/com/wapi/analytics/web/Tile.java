package com.wapi.analytics.web;

import com.wapi.analytics.report.Funnel;
import java.util.List;
import java.util.Locale;

/**
 * A headline figure with its change against the previous period; tone says whether the move is good ("up"), bad
 * ("down") or neither ("flat"), failures and pending messages counting as bad when they rise.
 */
public record Tile(String label, String value, String change, String tone) {

    /** The funnel's tiles, each with its change against before (none when before is null). */
    static List<Tile> funnel(Funnel now, Funnel before) {
        if (before == null) {
            return funnel(now, now).stream().map(t -> new Tile(t.label(), t.value(), null, "flat")).toList();
        }
        return List.of(count("Targeted", now.targeted(), before.targeted(), true),
                count("Sent", now.sent(), before.sent(), true),
                count("Delivered", now.delivered(), before.delivered(), true),
                count("Read", now.read(), before.read(), true),
                count("Failed", now.failed(), before.failed(), false),
                count("Pending", now.pending(), before.pending(), false),
                rate("Delivery rate", now.deliveryRate(), before.deliveryRate(), now.targeted() > 0, before.targeted() > 0),
                rate("Read rate", now.readRate(), before.readRate(), now.delivered() > 0, before.delivered() > 0));
    }

    static Tile count(String label, long now, long before, boolean moreIsBetter) {
        String change = before == 0 ? (now == 0 ? "no change" : "new") : String.format(Locale.ROOT, "%+.0f%%", 100.0 * (now - before) / before);
        return new Tile(label, Long.toString(now), change + " vs previous period", tone(now - before, moreIsBetter));
    }

    static Tile rate(String label, double now, double before, boolean measured, boolean measuredBefore) {
        if (!measured) {
            return new Tile(label, "-", "nothing to measure", "flat");
        }
        if (!measuredBefore) {
            return new Tile(label, String.format(Locale.ROOT, "%.1f%%", now * 100), "nothing to compare with", "flat");
        }
        double points = (now - before) * 100;
        return new Tile(label, String.format(Locale.ROOT, "%.1f%%", now * 100),
                String.format(Locale.ROOT, "%+.1f pts vs previous period", points), tone(Math.round(points * 10), true));
    }

    private static String tone(long move, boolean moreIsBetter) {
        if (move == 0) {
            return "flat";
        }
        return (move > 0) == moreIsBetter ? "up" : "down";
    }
}
