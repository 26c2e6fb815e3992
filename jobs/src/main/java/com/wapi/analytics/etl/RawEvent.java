package com.wapi.analytics.etl;

/** One row of raw_events as the etl job reads it. */
public record RawEvent(long id, String source, String workspaceId, java.time.Instant receivedAt, byte[] body) {

    public boolean fromMeta() {
        return "meta".equals(source);
    }
}
