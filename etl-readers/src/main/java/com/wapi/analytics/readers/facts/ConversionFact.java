package com.wapi.analytics.readers.facts;

import java.math.BigDecimal;
import java.time.Instant;

/** conversion: revenue, optionally naming what it came from (refKind click|broadcast|flow_run). */
public record ConversionFact(String workspaceId, String eventId, Instant eventTime, String conversionId,
        String contactId, BigDecimal amount, String currency, String refKind, String refId) implements Fact {

    @Override
    public String naturalKey() {
        return eventId;
    }
}
