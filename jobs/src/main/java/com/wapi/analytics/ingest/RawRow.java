package com.wapi.analytics.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** One row to land in raw_events, with the key that makes a repeat a no-op. */
record RawRow(UUID dedupKey, String source, String workspaceId, String routeKey, byte[] body) {

    /**
     * A row keyed by the first 128 bits of the SHA-256 of its delivery key ("meta:" and the body's hash, or
     * "platform:", the workspace and the event id): a 16-byte index entry instead of a 70-character text one. The
     * SQL function raw_event_key (migration V21) derives the same value; it converted the keys stored as text.
     */
    static RawRow keyed(String deliveryKey, String source, String workspaceId, String routeKey, byte[] body) {
        return new RawRow(dedupKey(deliveryKey), source, workspaceId, routeKey, body);
    }

    static UUID dedupKey(String deliveryKey) {
        try {
            ByteBuffer hash = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                    .digest(deliveryKey.getBytes(StandardCharsets.UTF_8)));
            return new UUID(hash.getLong(), hash.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
