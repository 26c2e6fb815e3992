package com.wapi.analytics.readers.facts;

import java.time.Instant;

/** Phone quality, account updates, marketing opt-outs, system errors and any other Meta field, kept as JSON. */
public record AccountEventFact(String workspaceId, String wabaId, String phoneNumberId, Instant eventTime, String field,
        String event, String detail, int errorCode) implements Fact {

    @Override
    public String naturalKey() {
        return field + "/" + event + "/" + eventTime.getEpochSecond() + "/" + detail.hashCode();
    }
}
