package com.wapi.analytics.readers.facts;

import java.time.Instant;

/** broadcast.created: a campaign was launched. */
public record BroadcastFact(String workspaceId, String broadcastId, String eventId, Instant eventTime, String name,
        String templateName, String category, long audienceSize, String createdBy) implements Fact {

    @Override
    public String naturalKey() {
        return broadcastId;
    }
}
