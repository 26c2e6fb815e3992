package com.wapi.analytics.etl;

import com.wapi.analytics.privacy.FactsProperties;
import com.wapi.analytics.readers.ParseResult;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.Fact;
import com.wapi.analytics.readers.meta.MetaWebhookParser;
import com.wapi.analytics.readers.platform.PlatformEventParser;
import com.wapi.analytics.tenancy.PhoneNumberRepository;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Parses one raw event into the facts of its items, and a quarantine entry with the reason for each item that fails. */
class RawEventProcessor implements ItemProcessor<RawEvent, LoadedEvent>, StepExecutionListener {

    private final MetaWebhookParser metaParser;
    private final PlatformEventParser platformParser;
    private final PhoneNumberRepository phones;
    private final FactsProperties factsProperties;
    private final ThreadLocal<PostgresRouter> router = new ThreadLocal<>();

    RawEventProcessor(MetaWebhookParser metaParser, PlatformEventParser platformParser, PhoneNumberRepository phones,
            FactsProperties factsProperties) {
        this.metaParser = metaParser;
        this.platformParser = platformParser;
        this.phones = phones;
        this.factsProperties = factsProperties;
    }

    /** A fresh routing cache per step execution: numbers added since the last run are seen. */
    @Override
    public void beforeStep(StepExecution stepExecution) {
        router.set(new PostgresRouter(phones));
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        router.remove();
        return null;
    }

    @Override
    public LoadedEvent process(RawEvent event) {
        byte[] body = event.takeBody();
        ParseResult result = !event.fromMeta() ? platformParser.parse(body)
                : metaParser.parse(body, currentRouter().at(event.receivedAt()), event.receivedAt(),
                        event.isReplay() ? event.replayPaths() : null);
        if (result instanceof ParseResult.Rejected rejected) {
            return LoadedEvent.quarantined(event, rejected.reason(), rejected.detail());
        }
        var parsed = (ParseResult.Parsed) result;
        if (!event.fromMeta()) {
            for (Fact fact : parsed.facts()) {
                if (!fact.workspaceId().equals(event.workspaceId())) {
                    return LoadedEvent.quarantined(event, Rejection.WORKSPACE_MISMATCH, "event names workspace "
                            + fact.workspaceId() + " but was received with a token of " + event.workspaceId());
                }
            }
        }
        return LoadedEvent.facts(event, factsProperties.storable(parsed.facts()), parsed.rejected().stream()
                .map(r -> new LoadedEvent.Quarantined(r.path(), r.reason(), r.detail())).toList());
    }

    private PostgresRouter currentRouter() {
        PostgresRouter r = router.get();
        if (r == null) {
            r = new PostgresRouter(phones);
            router.set(r);
        }
        return r;
    }
}
