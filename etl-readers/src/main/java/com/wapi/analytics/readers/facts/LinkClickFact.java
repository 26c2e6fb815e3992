package com.wapi.analytics.readers.facts;

import java.time.Instant;

/** link.click: a tracked link was clicked; contactId once the click is tied to a chat. */
public record LinkClickFact(String workspaceId, String eventId, Instant eventTime, String linkId, String clickId,
        String source, String medium, String campaign, String device, String os, String browser, String country,
        String region, String city, String contactId) implements Fact {

    @Override
    public String naturalKey() {
        return eventId;
    }
}
