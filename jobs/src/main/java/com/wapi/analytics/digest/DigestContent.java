package com.wapi.analytics.digest;

import com.wapi.analytics.report.FailureCount;
import com.wapi.analytics.report.Funnel;
import com.wapi.analytics.report.Words;
import java.time.LocalDate;
import java.util.List;

/** Everything an owner digest shows for one organization and one local day. */
public record DigestContent(String organizationId, String organizationName, String timeZone, LocalDate date,
        Funnel account, Funnel dayBefore, List<WorkspaceCard> workspaces, List<FailureCount> failures) {

    public boolean isEmpty() {
        return account.targeted() == 0 && workspaces.stream().allMatch(w -> w.inbound() == 0);
    }

    public record SmartRetry(long queued, long retried, long recovered) {
    }

    public record WorkspaceCard(String id, String name, long broadcasts, Funnel funnel, List<FailureCount> topFailures,
            SmartRetry smartRetry, List<String> redTemplates, long inbound) {

        /** "1 broadcast", "2 broadcasts". */
        public String broadcastCount() {
            return Words.count(broadcasts, "broadcast");
        }
    }

    /**
     * The day's rates against the day before's, in points ("+3.2 pts"); a rate without a denominator on either day
     * has no change, as in the trends report.
     */
    public String againstTheDayBefore() {
        if (dayBefore.targeted() == 0) {
            return "There were no broadcasts the day before.";
        }
        if (account.targeted() == 0) {
            return "There were no broadcasts yesterday; the day before had " + dayBefore.targeted() + " targeted.";
        }
        String delivery = "Against the day before: delivery rate " + points(account.deliveryRate() - dayBefore.deliveryRate());
        if (account.delivered() == 0 || dayBefore.delivered() == 0) {
            return delivery + ".";
        }
        return delivery + ", read rate " + points(account.readRate() - dayBefore.readRate()) + ".";
    }

    private static String points(double delta) {
        return String.format(java.util.Locale.ROOT, "%+.1f pts", delta * 100);
    }
}
