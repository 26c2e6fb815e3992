package com.wapi.analytics.readers.facts;

import java.time.Instant;

/** A Meta status webhook item (statuses[]): sent, delivered, read, failed, or a future value kept as sent. */
public record MessageStatusFact(String workspaceId, String wamid, String status, Instant eventTime, String contactId,
        String recipientUserId, String phoneNumberId, int errorCode, int errorSubcode, String errorTitle,
        String errorMessage, String errorDetails, String pricingCategory, String pricingType, String pricingModel,
        boolean billable, String conversationId, String conversationOrigin, String bizOpaqueCallbackData)
        implements Fact {

    @Override
    public String naturalKey() {
        return wamid + "/" + status;
    }
}
