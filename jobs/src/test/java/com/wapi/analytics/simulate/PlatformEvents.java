package com.wapi.analytics.simulate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds platform events (docs/contract.md) for the simulator, benchmarks and tests. */
public final class PlatformEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String workspaceId;

    public PlatformEvents(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    public String workspaceId() {
        return workspaceId;
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

    public ObjectNode flowMessageSent(String eventId, Instant at, String wamid, String contactId, String flowId,
            String flowRunId) {
        ObjectNode e = event(eventId, "message.sent", at).put("wamid", wamid).put("contact_id", contactId);
        e.putObject("source").put("kind", "flow").put("flow_id", flowId).put("flow_run_id", flowRunId);
        return e;
    }

    public ObjectNode agentMessageSent(String eventId, Instant at, String wamid, String contactId, String agentId) {
        ObjectNode e = event(eventId, "message.sent", at).put("wamid", wamid).put("contact_id", contactId);
        e.putObject("source").put("kind", "agent").put("agent_id", agentId);
        return e;
    }

    public ObjectNode retryMessageSent(String eventId, Instant at, String wamid, String contactId, String broadcastId,
            String retryOf, String template) {
        ObjectNode e = event(eventId, "message.sent", at).put("wamid", wamid).put("contact_id", contactId)
                .put("template_name", template);
        e.putObject("source").put("kind", "retry").put("broadcast_id", broadcastId).put("retry_of", retryOf);
        return e;
    }

    public ObjectNode retryScheduled(String eventId, Instant at, String broadcastId, String contactId, String originalWamid,
            int reasonCode, int attempt, Instant dueAt) {
        return event(eventId, "retry.scheduled", at).put("broadcast_id", broadcastId).put("contact_id", contactId)
                .put("original_wamid", originalWamid).put("reason_code", reasonCode).put("attempt", attempt)
                .put("due_at", OffsetDateTime.ofInstant(dueAt, ZoneOffset.UTC).toString());
    }

    public ObjectNode conversationOpened(String eventId, Instant at, String conversationId, String contactId,
            String phoneNumberId) {
        return event(eventId, "conversation.opened", at).put("conversation_id", conversationId)
                .put("contact_id", contactId).put("channel_phone_number_id", phoneNumberId);
    }

    public ObjectNode conversationAssigned(String eventId, Instant at, String conversationId, String agentId, String teamId,
            String actorId) {
        return event(eventId, "conversation.assigned", at).put("conversation_id", conversationId).put("agent_id", agentId)
                .put("team_id", teamId).put("actor_id", actorId);
    }

    public ObjectNode conversationTakeover(String eventId, Instant at, String conversationId, String agentId,
            String fromAgentId) {
        ObjectNode e = event(eventId, "conversation.takeover", at).put("conversation_id", conversationId)
                .put("agent_id", agentId);
        return fromAgentId == null ? e.put("from_bot", true) : e.put("from_agent_id", fromAgentId);
    }

    public ObjectNode conversationReply(String eventId, Instant at, String conversationId, String agentId, String wamid) {
        return event(eventId, "conversation.reply", at).put("conversation_id", conversationId).put("agent_id", agentId)
                .put("wamid", wamid);
    }

    public ObjectNode conversationResolved(String eventId, Instant at, String conversationId, String agentId, String actorId) {
        return event(eventId, "conversation.resolved", at).put("conversation_id", conversationId).put("agent_id", agentId)
                .put("actor_id", actorId);
    }

    public ObjectNode flowStep(String eventId, Instant at, String flowId, String flowRunId, String stepId, String stepName,
            String status) {
        return event(eventId, "flow.step", at).put("flow_id", flowId).put("flow_run_id", flowRunId).put("step_id", stepId)
                .put("step_name", stepName).put("status", status);
    }

    public ObjectNode flowCompleted(String eventId, Instant at, String flowId, String flowRunId, String outcome) {
        return event(eventId, "flow.completed", at).put("flow_id", flowId).put("flow_run_id", flowRunId)
                .put("outcome", outcome);
    }

    /** A tracked-link click; contactId null while the click is not tied to a chat. */
    public ObjectNode linkClick(String eventId, Instant at, String linkId, String clickId, String source, String device,
            String country, String contactId) {
        ObjectNode e = event(eventId, "link.click", at).put("link_id", linkId).put("click_id", clickId)
                .put("source", source).put("device", device).put("country", country);
        return contactId == null ? e : e.put("contact_id", contactId);
    }

    public ObjectNode conversion(String eventId, Instant at, String conversionId, String contactId, String amount,
            String currency) {
        return event(eventId, "conversion", at).put("conversion_id", conversionId).put("contact_id", contactId)
                .put("amount", new java.math.BigDecimal(amount)).put("currency", currency);
    }

    public static byte[] bytes(ObjectNode event) {
        return JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
    }
}
