package com.wapi.analytics.alerts;

import java.util.Map;

/**
 * What an alert email and webhook say about one incident event.
 *
 * @param event opened or resolved
 * @param figures the figures of the event, in the rule's order (for an error code: its label and fix among them)
 * @param publicUrl where the product's pages are, or null
 */
public record AlertContent(String event, String title, String rule, String subject, String organizationName,
        String workspaceId, String workspaceName, String summary, Map<String, String> figures, String openedAt,
        String resolvedAt, String publicUrl) {

    public boolean isOpened() {
        return event.equals("opened");
    }

    public String subjectLine() {
        return (isOpened() ? "Alert: " : "Resolved: ") + title + " · " + workspaceName + " · " + subject;
    }
}
