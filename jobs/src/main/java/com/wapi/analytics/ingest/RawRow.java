package com.wapi.analytics.ingest;

/** One row to land in raw_events, with the key that makes a repeat a no-op. */
record RawRow(String dedupKey, String source, String workspaceId, String routeKey, byte[] body) {
}
