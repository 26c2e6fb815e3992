package com.wapi.analytics.etl;

import com.wapi.analytics.readers.ParseResult;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.Fact;
import com.wapi.analytics.readers.meta.MetaWebhookParser;
import com.wapi.analytics.readers.meta.Router;
import com.wapi.analytics.readers.platform.PlatformEventParser;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Parses one raw event into its facts, or into a quarantine entry with the reason. */
class RawEventProcessor implements ItemProcessor<RawEvent, LoadedEvent> {

    private final MetaWebhookParser metaParser;
    private final PlatformEventParser platformParser;
    private final Router router;

    RawEventProcessor(MetaWebhookParser metaParser, PlatformEventParser platformParser, Router router) {
        this.metaParser = metaParser;
        this.platformParser = platformParser;
        this.router = router;
    }

    @Override
    public LoadedEvent process(RawEvent event) {
        ParseResult result = event.fromMeta() ? metaParser.parse(event.body(), router, event.receivedAt())
                : platformParser.parse(event.body());
        if (result instanceof ParseResult.Rejected rejected) {
            return LoadedEvent.quarantined(event, rejected.reason(), rejected.detail());
        }
        var facts = ((ParseResult.Parsed) result).facts();
        if (!event.fromMeta()) {
            for (Fact fact : facts) {
                if (!fact.workspaceId().equals(event.workspaceId())) {
                    return LoadedEvent.quarantined(event, Rejection.WORKSPACE_MISMATCH, "event names workspace "
                            + fact.workspaceId() + " but was received with a token of " + event.workspaceId());
                }
            }
        }
        return LoadedEvent.facts(event, facts);
    }
}
