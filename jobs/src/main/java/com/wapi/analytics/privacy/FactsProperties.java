package com.wapi.analytics.privacy;

import com.wapi.analytics.readers.facts.Fact;
import com.wapi.analytics.readers.facts.InboundMessageFact;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What personal data the etl copies into ClickHouse.
 *
 * @param keepMessageText copy the text customers write (inbound_messages.text_body); off by default: no report
 *        needs it, and the raw body keeps it only for the retention period
 */
@ConfigurationProperties("wapi.facts")
public record FactsProperties(@DefaultValue("false") boolean keepMessageText) {

    /** The facts as they may be stored: inbound messages without their text unless it is to be kept. */
    public List<Fact> storable(List<Fact> facts) {
        if (keepMessageText) {
            return facts;
        }
        return facts.stream().map(f -> f instanceof InboundMessageFact m ? withoutText(m) : f).toList();
    }

    private static Fact withoutText(InboundMessageFact m) {
        return new InboundMessageFact(m.workspaceId(), m.wamid(), m.contactId(), m.contactWaId(), m.contactUserId(),
                m.profileName(), m.eventTime(), m.messageType(), m.phoneNumberId(), m.contextWamid(),
                m.contextForwarded(), m.buttonPayload(), m.buttonText(), m.interactiveType(), m.interactiveReplyId(),
                m.interactiveReplyTitle(), m.referralSourceId(), m.referralSourceType(), m.referralSourceUrl(),
                m.ctwaClid(), "", m.errorCode());
    }
}
