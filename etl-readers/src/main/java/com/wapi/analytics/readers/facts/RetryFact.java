package com.wapi.analytics.readers.facts;

import java.time.Instant;

/** retry.scheduled: Smart Retry queued a resend of a failed broadcast message. */
public record RetryFact(String workspaceId, String eventId, Instant eventTime, String broadcastId, String contactId,
        String originalWamid, int reasonCode, int attempt, Instant dueAt) implements Fact {

    @Override
    public String naturalKey() {
        return eventId;
    }
}
