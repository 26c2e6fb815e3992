package com.wapi.analytics.campaign;

import com.wapi.analytics.report.FailureCount;
import com.wapi.analytics.report.Funnel;
import com.wapi.analytics.report.Words;
import java.util.List;

/**
 * Everything a campaign completion email shows: one broadcast's funnel over its whole life (docs/definitions.md) and its
 * failures by Meta error code, with the friendly label and the fix.
 *
 * @param launched the launch (broadcast.created) in the organization's time zone, e.g. "2026-11-02 10:15"
 */
public record CampaignContent(String workspaceId, String workspaceName, String organizationName, String timeZone,
        String broadcastId, String name, String template, String launched, long audience, Funnel funnel,
        List<FailureCount> failures) {

    /** Every recipient tried and every message delivered, read or failed. */
    public boolean isComplete() {
        return CampaignCompletion.isComplete(audience, funnel.targeted(), funnel.pending());
    }

    /** The broadcast's name, or its id when the launch event named none. */
    public String title() {
        return name == null || name.isBlank() ? broadcastId : name;
    }

    public String completion() {
        if (isComplete()) {
            return "all " + funnel.targeted() + " targeted recipients reached a final state (delivered, read or failed)";
        }
        return "24 hours after launch; " + Words.count(funnel.pending(), "message") + " still awaiting a final status"
                + (audience > funnel.targeted() ? " and " + (audience - funnel.targeted()) + " of the audience never tried" : "");
    }
}
