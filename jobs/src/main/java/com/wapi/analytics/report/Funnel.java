package com.wapi.analytics.report;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A funnel of messages: targeted -> sent -> delivered -> read, failed, and pending (docs/definitions.md). Every
 * targeted message is delivered, failed or pending: targeted = delivered + failed + pending.
 */
public record Funnel(long targeted, long sent, long delivered, long read, long failed, long pending) {

    public static final Funnel NONE = new Funnel(0, 0, 0, 0, 0, 0);

    /** The columns {@link Funnels#FIGURES} selected, from {@code column} on. */
    static Funnel read(ResultSet rs, int column) throws SQLException {
        return new Funnel(rs.getLong(column), rs.getLong(column + 1), rs.getLong(column + 2), rs.getLong(column + 3),
                rs.getLong(column + 4), rs.getLong(column + 5));
    }

    public Funnel plus(Funnel o) {
        return new Funnel(targeted + o.targeted, sent + o.sent, delivered + o.delivered, read + o.read, failed + o.failed,
                pending + o.pending);
    }

    public double deliveryRate() {
        return targeted == 0 ? 0 : (double) delivered / targeted;
    }

    public double readRate() {
        return delivered == 0 ? 0 : (double) read / delivered;
    }

    public String deliveryPercent() {
        return percent(deliveryRate());
    }

    public String readPercent() {
        return percent(readRate());
    }

    static String percent(double rate) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
    }
}
