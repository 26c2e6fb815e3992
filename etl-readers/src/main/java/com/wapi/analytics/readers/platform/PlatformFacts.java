package com.wapi.analytics.readers.platform;

import static com.wapi.analytics.readers.JsonInput.decimal;
import static com.wapi.analytics.readers.JsonInput.id;
import static com.wapi.analytics.readers.JsonInput.isoInstant;
import static com.wapi.analytics.readers.JsonInput.object;
import static com.wapi.analytics.readers.JsonInput.optBoolean;
import static com.wapi.analytics.readers.JsonInput.optId;
import static com.wapi.analytics.readers.JsonInput.optInt;
import static com.wapi.analytics.readers.JsonInput.optText;
import static com.wapi.analytics.readers.JsonInput.requiredLong;
import static com.wapi.analytics.readers.JsonInput.text;

import com.wapi.analytics.readers.InvalidEvent;
import com.wapi.analytics.readers.JsonInput;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.AgentActionFact;
import com.wapi.analytics.readers.facts.BroadcastFact;
import com.wapi.analytics.readers.facts.ConversionFact;
import com.wapi.analytics.readers.facts.Fact;
import com.wapi.analytics.readers.facts.FlowEventFact;
import com.wapi.analytics.readers.facts.LinkClickFact;
import com.wapi.analytics.readers.facts.OutboundMessageFact;
import com.wapi.analytics.readers.facts.RetryFact;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The fields of each platform event type (docs/contract.md) into its fact. */
final class PlatformFacts {

    static final Set<String> TYPES = Set.of("broadcast.created", "message.sent", "message.send_failed",
            "retry.scheduled", "conversation.opened", "conversation.assigned", "conversation.takeover",
            "conversation.reply", "conversation.resolved", "conversation.reopened", "flow.step", "flow.completed",
            "link.click", "conversion");
    private static final Set<String> SOURCE_KINDS = Set.of("broadcast", "flow", "agent", "api", "retry");
    private static final Set<String> OUTCOMES = Set.of("converted", "completed", "abandoned", "failed");
    private static final int MAX_JSON = 16 * 1024;
    private static final int MAX_ATTEMPT = 65_535;

    record Envelope(String eventId, String workspaceId, Instant at) {
    }

    private final JsonInput json;

    PlatformFacts(JsonInput json) {
        this.json = json;
    }

    Fact of(String type, Envelope e, JsonNode v) {
        return switch (type) {
            case "broadcast.created" -> new BroadcastFact(e.workspaceId(), id(v, "broadcast_id", ""), e.eventId(),
                    e.at(), text(v, "name", ""), text(v, "template_name", ""), text(v, "category", ""),
                    requiredLong(v, "audience_size", ""), optId(v, "created_by", ""));
            case "message.sent" -> outbound(e, v, true);
            case "message.send_failed" -> outbound(e, v, false);
            case "retry.scheduled" -> new RetryFact(e.workspaceId(), e.eventId(), e.at(), id(v, "broadcast_id", ""),
                    id(v, "contact_id", ""), id(v, "original_wamid", ""), requiredInt(v, "reason_code"),
                    attempt(v), isoInstant(v, "due_at", ""));
            case "conversation.opened" -> conversation(e, v, "opened", id(v, "contact_id", ""),
                    id(v, "channel_phone_number_id", ""), "", "", "");
            case "conversation.assigned" -> conversation(e, v, "assigned", "", "", id(v, "agent_id", ""),
                    optId(v, "team_id", ""), id(v, "actor_id", ""));
            case "conversation.takeover" -> new AgentActionFact(e.workspaceId(), e.eventId(), e.at(), "takeover",
                    id(v, "conversation_id", ""), "", "", id(v, "agent_id", ""), optId(v, "team_id", ""),
                    optId(v, "actor_id", ""), optId(v, "from_agent_id", ""), optBoolean(v, "from_bot", ""), "");
            case "conversation.reply" -> new AgentActionFact(e.workspaceId(), e.eventId(), e.at(), "reply",
                    id(v, "conversation_id", ""), "", "", id(v, "agent_id", ""), optId(v, "team_id", ""),
                    optId(v, "actor_id", ""), "", false, id(v, "wamid", ""));
            case "conversation.resolved" -> conversation(e, v, "resolved", "", "", id(v, "agent_id", ""),
                    optId(v, "team_id", ""), id(v, "actor_id", ""));
            case "conversation.reopened" -> conversation(e, v, "reopened", "", "", optId(v, "agent_id", ""),
                    optId(v, "team_id", ""), id(v, "actor_id", ""));
            case "flow.step" -> new FlowEventFact(e.workspaceId(), e.eventId(), e.at(), "step", id(v, "flow_id", ""),
                    id(v, "flow_run_id", ""), id(v, "step_id", ""), text(v, "step_name", ""), text(v, "status", ""),
                    json.compact(v.get("input"), MAX_JSON), json.compact(v.get("output"), MAX_JSON), "");
            case "flow.completed" -> new FlowEventFact(e.workspaceId(), e.eventId(), e.at(), "completed",
                    id(v, "flow_id", ""), id(v, "flow_run_id", ""), "", "", "", "", "", oneOf(v, "outcome", OUTCOMES));
            case "link.click" -> new LinkClickFact(e.workspaceId(), e.eventId(), e.at(), id(v, "link_id", ""),
                    id(v, "click_id", ""), text(v, "source", ""), optText(v, "medium", ""), optText(v, "campaign", ""),
                    text(v, "device", ""), optText(v, "os", ""), optText(v, "browser", ""), optText(v, "country", ""),
                    optText(v, "region", ""), optText(v, "city", ""), optId(v, "contact_id", ""));
            case "conversion" -> conversion(e, v);
            default -> throw new InvalidEvent(Rejection.UNKNOWN_TYPE, "type \"" + JsonInput.abbreviate(type)
                    + "\" is not one of " + String.join(", ", TYPES.stream().sorted().toList()));
        };
    }

    private OutboundMessageFact outbound(Envelope e, JsonNode v, boolean accepted) {
        JsonNode source = object(v, "source", "");
        String kind = oneOf(source, "source.kind", "kind", SOURCE_KINDS);
        String broadcast = optId(source, "broadcast_id", "source.");
        String flow = optId(source, "flow_id", "source.");
        String agent = optId(source, "agent_id", "source.");
        String retryOf = optId(source, "retry_of", "source.");
        requireFor(kind, "broadcast", broadcast, "source.broadcast_id");
        requireFor(kind, "flow", flow, "source.flow_id");
        requireFor(kind, "agent", agent, "source.agent_id");
        requireFor(kind, "retry", retryOf, "source.retry_of");
        String wamid = accepted ? id(v, "wamid", "") : "";
        JsonNode error = accepted ? v.path("error") : object(v, "error", "");
        int code = accepted ? 0 : requiredInt(error, "code", "error.");
        return new OutboundMessageFact(e.workspaceId(), accepted ? wamid : "failed:" + e.eventId(), e.eventId(), wamid,
                id(v, "contact_id", ""), e.at(), accepted, kind, broadcast, flow, optId(source, "flow_run_id", "source."),
                agent, optId(source, "link_id", "source."), retryOf, optText(v, "template_name", ""), code,
                optInt(error, "subcode", "error."), optText(error, "title", "error."), optText(error, "message", "error."));
    }

    private static AgentActionFact conversation(Envelope e, JsonNode v, String action, String contact, String channel,
            String agent, String team, String actor) {
        return new AgentActionFact(e.workspaceId(), e.eventId(), e.at(), action, id(v, "conversation_id", ""), contact,
                channel, agent, team, actor, "", false, "");
    }

    private static ConversionFact conversion(Envelope e, JsonNode v) {
        String currency = text(v, "currency", "");
        if (!currency.matches("[A-Z]{3}")) {
            throw new InvalidEvent(Rejection.BAD_VALUE, "currency: expected an ISO-4217 code such as USD or INR, got \""
                    + JsonInput.abbreviate(currency) + "\"");
        }
        String refKind = "";
        String refId = "";
        JsonNode ref = v.get("ref");
        if (ref != null && !ref.isNull()) {
            if (!ref.isObject()) {
                throw new InvalidEvent(Rejection.WRONG_TYPE, "ref: expected an object with click_id, broadcast_id or flow_run_id");
            }
            for (String[] kind : new String[][] {{"click_id", "click"}, {"broadcast_id", "broadcast"}, {"flow_run_id", "flow_run"}}) {
                String id = optId(ref, kind[0], "ref.");
                if (!id.isEmpty()) {
                    refKind = kind[1];
                    refId = id;
                    break;
                }
            }
        }
        return new ConversionFact(e.workspaceId(), e.eventId(), e.at(), id(v, "conversion_id", ""),
                id(v, "contact_id", ""), decimal(v, "amount", ""), currency, refKind, refId);
    }

    private static void requireFor(String kind, String expected, String value, String field) {
        if (kind.equals(expected) && value.isEmpty()) {
            throw new InvalidEvent(Rejection.MISSING_FIELD, field + " is required when source.kind is " + kind);
        }
    }

    private static String oneOf(JsonNode v, String field, Set<String> allowed) {
        return oneOf(v, field, field, allowed);
    }

    private static String oneOf(JsonNode v, String label, String field, Set<String> allowed) {
        String value = text(v, field, label.equals(field) ? "" : label.substring(0, label.length() - field.length()));
        if (!allowed.contains(value)) {
            throw new InvalidEvent(Rejection.BAD_VALUE, label + ": expected one of "
                    + String.join("|", allowed.stream().sorted().toList()) + ", got \"" + JsonInput.abbreviate(value) + "\"");
        }
        return value;
    }

    private static int requiredInt(JsonNode v, String field) {
        return requiredInt(v, field, "");
    }

    private static int requiredInt(JsonNode v, String field, String where) {
        if (v.get(field) == null || v.get(field).isNull()) {
            throw new InvalidEvent(Rejection.MISSING_FIELD, where + field + " is missing");
        }
        return optInt(v, field, where);
    }

    /** Smart Retry's attempt number, 1 up to the largest the retries table holds (UInt16). */
    private static int attempt(JsonNode v) {
        int value = requiredInt(v, "attempt");
        if (value < 1 || value > MAX_ATTEMPT) {
            throw new InvalidEvent(Rejection.BAD_VALUE, "attempt: expected 1 to " + MAX_ATTEMPT + ", got " + value);
        }
        return value;
    }
}
