package com.wapi.analytics.readers.facts;

import java.time.Instant;

/** A customer's message (Meta messages[]), with its reply context and click-to-WhatsApp referral. */
public record InboundMessageFact(String workspaceId, String wamid, String contactId, String contactWaId,
        String contactUserId, String profileName, Instant eventTime, String messageType, String phoneNumberId,
        String contextWamid, boolean contextForwarded, String buttonPayload, String buttonText, String interactiveType,
        String interactiveReplyId, String interactiveReplyTitle, String referralSourceId, String referralSourceType,
        String referralSourceUrl, String ctwaClid, String textBody, int errorCode) implements Fact {

    @Override
    public String naturalKey() {
        return wamid;
    }
}
