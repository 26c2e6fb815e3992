package com.wapi.analytics.report;

/** A funnel of broadcast messages: targeted -> sent -> delivered -> read, and failed (docs/definitions.md). */
public record Funnel(long targeted, long sent, long delivered, long read, long failed) {

    public static final Funnel NONE = new Funnel(0, 0, 0, 0, 0);

    public Funnel plus(Funnel o) {
        return new Funnel(targeted + o.targeted, sent + o.sent, delivered + o.delivered, read + o.read, failed + o.failed);
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
