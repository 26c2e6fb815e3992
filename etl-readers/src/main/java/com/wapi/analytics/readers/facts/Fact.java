package com.wapi.analytics.readers.facts;

import java.time.Instant;

/** A fact of one family: every fact belongs to a workspace and has its event time. */
public sealed interface Fact permits MessageStatusFact, OutboundMessageFact, InboundMessageFact, BroadcastFact,
        RetryFact, AgentActionFact, FlowEventFact, LinkClickFact, ConversionFact, TemplateEventFact, AccountEventFact {

    String workspaceId();

    Instant eventTime();

    /** The idempotency key ClickHouse deduplicates on (within the workspace). */
    String naturalKey();
}
