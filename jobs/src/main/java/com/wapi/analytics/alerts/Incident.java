package com.wapi.analytics.alerts;

import java.time.OffsetDateTime;

/** One alert incident: opened once when its rule fired for a subject, resolved once when the condition ended. */
public record Incident(long id, String workspaceId, String rule, String subject, String summary, String figures,
        OffsetDateTime openedAt, OffsetDateTime resolvedAt, String resolvedSummary, String resolvedFigures) {

    public boolean isOpen() {
        return resolvedAt == null;
    }
}
