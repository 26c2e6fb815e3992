package com.wapi.analytics.readers.facts;

import java.time.Instant;

/** A message the platform sent (message.sent, with a wamid) or the send API refused (message.send_failed). */
public record OutboundMessageFact(String workspaceId, String messageKey, String eventId, String wamid, String contactId,
        Instant eventTime, boolean accepted, String sourceKind, String broadcastId, String flowId, String flowRunId,
        String agentId, String linkId, String retryOf, String templateName, int errorCode, int errorSubcode,
        String errorTitle, String errorMessage) implements Fact {

    @Override
    public String naturalKey() {
        return messageKey;
    }
}
