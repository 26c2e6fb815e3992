package com.wapi.analytics.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;
import com.wapi.analytics.simulate.PlatformEvents;

/** Lands raw events the way the receiver does (one row each), for etl tests. */
public final class RawEventsFixture {

    private final JdbcClient db;

    public RawEventsFixture(JdbcClient db) {
        this.db = db;
    }

    public long meta(byte[] body) {
        return insert("meta", null, body);
    }

    public long platform(String workspaceId, ObjectNode event) {
        return insert("platform", workspaceId, PlatformEvents.bytes(event));
    }

    public long platformRaw(String workspaceId, String body) {
        return insert("platform", workspaceId, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public void platform(String workspaceId, List<ObjectNode> events) {
        events.forEach(e -> platform(workspaceId, e));
    }

    private long insert(String source, String workspaceId, byte[] body) {
        return db.sql("INSERT INTO raw_events (source, workspace_id, body) VALUES (?, ?, ?) RETURNING id")
                .params(source, workspaceId, body).query(Long.class).single();
    }
}
