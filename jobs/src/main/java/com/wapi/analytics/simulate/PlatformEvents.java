package com.wapi.analytics.simulate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds platform events (DESIGN.md 3.2) for the simulator, benchmarks and tests. */
public final class PlatformEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String workspaceId;

    public PlatformEvents(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    /** The envelope of every event; add the type's fields to the returned node. */
    public ObjectNode event(String eventId, String type, Instant at) {
        ObjectNode e = JSON.createObjectNode();
        e.put("event_id", eventId).put("type", type).put("workspace_id", workspaceId)
                .put("occurred_at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString());
        return e;
    }

    public ObjectNode broadcastCreated(String eventId, Instant at, String broadcastId, String name, String template,
            long audience) {
        return event(eventId, "broadcast.created", at).put("broadcast_id", broadcastId).put("name", name)
                .put("template_name", template).put("category", "marketing").put("audience_size", audience)
                .put("created_by", "user_1");
    }

    public ObjectNode broadcastMessageSent(String eventId, Instant at, String wamid, String contactId, String broadcastId,
            String template) {
        ObjectNode e = event(eventId, "message.sent", at).put("wamid", wamid).put("contact_id", contactId)
                .put("template_name", template);
        e.putObject("source").put("kind", "broadcast").put("broadcast_id", broadcastId);
        return e;
    }

    public ObjectNode broadcastSendFailed(String eventId, Instant at, String contactId, String broadcastId, int code,
            String title) {
        ObjectNode e = event(eventId, "message.send_failed", at).put("contact_id", contactId);
        e.putObject("source").put("kind", "broadcast").put("broadcast_id", broadcastId);
        e.putObject("error").put("code", code).put("title", title).put("message", title);
        return e;
    }

    public static byte[] bytes(ObjectNode event) {
        return JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
    }
}
