package com.wapi.analytics.digest;

import java.time.LocalDate;
import java.util.List;

/** Everything an owner digest shows for one organization and one local day. */
public record DigestContent(String organizationId, String organizationName, String timeZone, LocalDate date,
        Funnel account, Funnel dayBefore, List<WorkspaceCard> workspaces, List<Failure> failures) {

    public boolean isEmpty() {
        return account.targeted() == 0 && workspaces.stream().allMatch(w -> w.inbound() == 0);
    }

    /** targeted -> sent -> delivered -> read, and failed (docs/definitions.md). */
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

    public record Failure(int code, String label, String fix, String retry, long count) {
    }

    public record SmartRetry(long queued, long retried, long recovered) {
    }

    public record WorkspaceCard(String id, String name, long broadcasts, Funnel funnel, List<Failure> topFailures,
            SmartRetry smartRetry, List<String> redTemplates, long inbound) {
    }

    /** "+3.2 pts" / "-1.0 pts" against the day before, for the funnel's rates. */
    public String deliveryChange() {
        return points(account.deliveryRate() - dayBefore.deliveryRate());
    }

    public String readChange() {
        return points(account.readRate() - dayBefore.readRate());
    }

    private static String points(double delta) {
        return String.format(java.util.Locale.ROOT, "%+.1f pts", delta * 100);
    }
}
