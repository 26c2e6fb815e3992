package com.wapi.analytics.readers.facts;

import java.time.Instant;

/** A template's status, quality or category change; one copy per workspace with a number on the WABA. */
public record TemplateEventFact(String workspaceId, String wabaId, Instant eventTime, String kind, String templateId,
        String templateName, String language, String event, String reason, String previousQuality, String newQuality,
        String category, String detail) implements Fact {

    @Override
    public String naturalKey() {
        return templateId + "/" + kind + "/" + event + "/" + eventTime.getEpochSecond();
    }
}
