package com.wapi.analytics.etl;

import java.time.Instant;
import java.util.List;

/**
 * One row of raw_events as the etl job reads it. The processor {@linkplain #takeBody() takes} the body once it
 * parses the event, so a chunk of events waiting for its write holds no bodies (the steps never reprocess an item:
 * a failed chunk fails the step, and the restart reads the rows again).
 */
public final class RawEvent {

    private final long id;
    private final String source;
    private final String workspaceId;
    private final Instant receivedAt;
    private final List<String> replayPaths;
    private final int size;
    private byte[] body;

    public RawEvent(long id, String source, String workspaceId, Instant receivedAt, byte[] body) {
        this(id, source, workspaceId, receivedAt, body, List.of());
    }

    /** @param replayPaths the quarantined items to re-read ("" the whole event); empty to read it all the first time */
    public RawEvent(long id, String source, String workspaceId, Instant receivedAt, byte[] body,
            List<String> replayPaths) {
        this.id = id;
        this.source = source;
        this.workspaceId = workspaceId;
        this.receivedAt = receivedAt;
        this.body = body;
        this.replayPaths = List.copyOf(replayPaths);
        this.size = body.length;
    }

    public long id() {
        return id;
    }

    public String source() {
        return source;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public List<String> replayPaths() {
        return replayPaths;
    }

    public boolean isReplay() {
        return !replayPaths.isEmpty();
    }

    /** The body's length in bytes (also once the body is taken). */
    public int size() {
        return size;
    }

    public boolean fromMeta() {
        return "meta".equals(source);
    }

    /** The body, handed over once: later calls fail, so that an event is never parsed from a released body. */
    byte[] takeBody() {
        byte[] taken = body;
        if (taken == null) {
            throw new IllegalStateException("the body of raw event " + id + " was taken already");
        }
        body = null;
        return taken;
    }

    @Override
    public String toString() {
        return "RawEvent[id=" + id + ", source=" + source + ", workspaceId=" + workspaceId + "]";
    }
}
