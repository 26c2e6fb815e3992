package com.wapi.analytics.readers.facts;

import java.time.Instant;

/** The audit log of conversations: opened, assigned, takeover, reply, resolved, reopened; with actor and agent. */
public record AgentActionFact(String workspaceId, String eventId, Instant eventTime, String action,
        String conversationId, String contactId, String channelPhoneNumberId, String agentId, String teamId,
        String actorId, String fromAgentId, boolean fromBot, String wamid) implements Fact {

    @Override
    public String naturalKey() {
        return eventId;
    }
}
