package com.wapi.analytics.digest;

import com.wapi.analytics.report.FailureCount;
import com.wapi.analytics.report.Funnel;
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
