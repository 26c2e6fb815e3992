package com.wapi.analytics.etl;

import com.wapi.analytics.readers.facts.AccountEventFact;
import com.wapi.analytics.readers.facts.AgentActionFact;
import com.wapi.analytics.readers.facts.BroadcastFact;
import com.wapi.analytics.readers.facts.ConversionFact;
import com.wapi.analytics.readers.facts.Fact;
import com.wapi.analytics.readers.facts.FlowEventFact;
import com.wapi.analytics.readers.facts.InboundMessageFact;
import com.wapi.analytics.readers.facts.LinkClickFact;
import com.wapi.analytics.readers.facts.MessageStatusFact;
import com.wapi.analytics.readers.facts.OutboundMessageFact;
import com.wapi.analytics.readers.facts.RetryFact;
import com.wapi.analytics.readers.facts.TemplateEventFact;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which ClickHouse table each fact family goes to (clickhouse/002_facts.sql). */
public final class FactTables {

    private static final Map<Class<? extends Fact>, FactTable> TABLES = new LinkedHashMap<>();

    static {
        register("message_status", MessageStatusFact.class);
        register("outbound_messages", OutboundMessageFact.class);
        register("inbound_messages", InboundMessageFact.class);
        register("broadcasts", BroadcastFact.class);
        register("retries", RetryFact.class);
        register("agent_actions", AgentActionFact.class);
        register("flow_events", FlowEventFact.class);
        register("link_clicks", LinkClickFact.class);
        register("conversions", ConversionFact.class);
        register("template_events", TemplateEventFact.class);
        register("account_events", AccountEventFact.class);
    }

    private FactTables() {
    }

    private static void register(String table, Class<? extends Fact> type) {
        TABLES.put(type, new FactTable(table, type));
    }

    public static FactTable of(Fact fact) {
        FactTable table = TABLES.get(fact.getClass());
        if (table == null) {
            throw new IllegalStateException("no fact table for " + fact.getClass().getName());
        }
        return table;
    }

    public static Collection<FactTable> all() {
        return TABLES.values();
    }
}
