package com.wapi.analytics.etl;

import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.Fact;
import java.util.List;

/** Where one raw event ends: its facts, or the quarantine with a reason. Never both, never neither. */
public record LoadedEvent(long rawEventId, String workspaceId, List<Fact> facts, Rejection rejection, String detail) {

    public static LoadedEvent facts(RawEvent event, List<Fact> facts) {
        return new LoadedEvent(event.id(), event.workspaceId(), List.copyOf(facts), null, null);
    }

    public static LoadedEvent quarantined(RawEvent event, Rejection rejection, String detail) {
        return new LoadedEvent(event.id(), event.workspaceId(), List.of(), rejection, detail);
    }

    public boolean isQuarantined() {
        return rejection != null;
    }
}
