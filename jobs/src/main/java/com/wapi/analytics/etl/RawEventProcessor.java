package com.wapi.analytics.etl;

import com.wapi.analytics.privacy.FactsProperties;
import com.wapi.analytics.readers.ParseResult;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.Fact;
import com.wapi.analytics.readers.meta.MetaWebhookParser;
import com.wapi.analytics.readers.meta.Router;
import com.wapi.analytics.readers.platform.PlatformEventParser;
import com.wapi.analytics.tenancy.PhoneNumberRepository;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Parses one raw event into its facts, or into a quarantine entry with the reason. */
class RawEventProcessor implements ItemProcessor<RawEvent, LoadedEvent>, StepExecutionListener {

    private final MetaWebhookParser metaParser;
    private final PlatformEventParser platformParser;
    private final PhoneNumberRepository phones;
    private final FactsProperties factsProperties;
    private final ThreadLocal<Router> router = new ThreadLocal<>();

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
        ParseResult result = event.fromMeta() ? metaParser.parse(body, currentRouter(), event.receivedAt())
                : platformParser.parse(body);
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
        return LoadedEvent.facts(event, factsProperties.storable(facts));
    }

    private Router currentRouter() {
        Router r = router.get();
        if (r == null) {
            r = new PostgresRouter(phones);
            router.set(r);
        }
        return r;
    }
}
