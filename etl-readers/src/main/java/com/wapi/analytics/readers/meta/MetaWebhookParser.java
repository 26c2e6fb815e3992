package com.wapi.analytics.readers.meta;

import static com.wapi.analytics.readers.JsonInput.array;
import static com.wapi.analytics.readers.JsonInput.object;
import static com.wapi.analytics.readers.JsonInput.optText;
import static com.wapi.analytics.readers.JsonInput.text;

import com.wapi.analytics.readers.InvalidEvent;
import com.wapi.analytics.readers.JsonInput;
import com.wapi.analytics.readers.ParseResult;
import com.wapi.analytics.readers.ParserLimits;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.AccountEventFact;
import com.wapi.analytics.readers.facts.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One Meta webhook body (entry[] -> changes[] -> value) into facts: every status and message becomes its own
 * fact. Item by item: a status, message or error that cannot become a fact is rejected alone with its path, and
 * so is a change routed to an unknown number or account (with all its items); the rest of the body becomes facts.
 * Only a body that is not a webhook at all (bad JSON, no entry[]) is rejected as a whole. Unknown fields and
 * unknown status values are kept, not rejected.
 */
public final class MetaWebhookParser {

    private static final Set<String> TEMPLATE_FIELDS = Set.of("message_template_status_update",
            "message_template_quality_update", "template_category_update");
    private static final int MAX_DETAIL = 16 * 1024;

    private final ParserLimits limits;
    private final JsonInput json;
    private final MessagesChange messages;
    private final TemplateChange templates;
    private final MetaStream stream;

    public MetaWebhookParser() {
        this(ParserLimits.DEFAULT);
    }

    public MetaWebhookParser(ParserLimits limits) {
        this.limits = limits;
        this.json = new JsonInput(limits);
        this.messages = new MessagesChange(json);
        this.templates = new TemplateChange();
        this.stream = new MetaStream(json, this, messages);
    }

    /**
     * @param receivedAt when the webhook arrived: the event time of the rare items Meta sends without one
     */
    public ParseResult parse(byte[] body, Router router, Instant receivedAt) {
        return parse(body, router, receivedAt, null);
    }

    /**
     * Reads only the items at or under the given paths, as {@link ParseResult.Rejected#path()} named them ("" is
     * the whole body): a replay of quarantined items that leaves the items loaded before alone.
     *
     * @param paths the items to read; null for all
     */
    public ParseResult parse(byte[] body, Router router, Instant receivedAt, Collection<String> paths) {
        if (paths == null && streamable(body)) {
            Items items = new Items(null);
            try {
                if (stream.read(body, router, receivedAt, items)) {
                    return items.result();
                }
            } catch (RuntimeException e) {
                // bad JSON or a limit: the tree reading below rejects the body with the reason
            }
        }
        try {
            Items items = new Items(paths);
            read(json.read(body, limits.maxMetaBytes()), router, receivedAt, items);
            return items.result();
        } catch (InvalidEvent e) {
            return e.toResult();
        } catch (RuntimeException e) {
            return ParseResult.reject(Rejection.BAD_VALUE, "unreadable webhook: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Whether the body can be read as a stream. A body no longer than the longest string allowed cannot hold a
     * string over the limit, which the stream would skip unread where the tree reading rejects the body.
     */
    private boolean streamable(byte[] body) {
        return body != null && body.length > 0 && body.length <= Math.min(limits.maxMetaBytes(), limits.maxStringChars());
    }

    private void read(JsonNode root, Router router, Instant receivedAt, Items items) {
        if (!root.isObject()) {
            throw new InvalidEvent(Rejection.NOT_AN_OBJECT, "a webhook body is a JSON object with object and entry[]");
        }
        String object = optText(root, "object", "");
        if (!object.equals("whatsapp_business_account")) {
            throw new InvalidEvent(Rejection.BAD_VALUE, "object: expected \"whatsapp_business_account\", got \""
                    + JsonInput.abbreviate(object) + "\"");
        }
        JsonNode entries = array(root, "entry", "");
        if (entries.isEmpty()) {
            throw new InvalidEvent(Rejection.MISSING_FIELD, "entry is empty");
        }
        for (int i = 0; i < entries.size(); i++) {
            readEntry(entries.get(i), "entry[" + i + "]", router, receivedAt, items);
        }
    }

    /** One entry[] element, an item of its own. */
    void readEntry(JsonNode entry, String path, Router router, Instant receivedAt, Items items) {
        items.read(path, () -> entry(entry, path, router, receivedAt, items));
    }

    /** One changes[] element, an item of its own. */
    void readChange(JsonNode change, String path, String wabaId, Instant entryTime, Router router, Items items) {
        items.read(path, () -> change(change, path, wabaId, entryTime, router, items));
    }

    private void entry(JsonNode entry, String path, Router router, Instant receivedAt, Items items) {
        String where = path + ".";
        if (!entry.isObject()) {
            throw new InvalidEvent(Rejection.WRONG_TYPE, path + " is not an object");
        }
        String wabaId = optText(entry, "id", where);
        Instant entryTime = entry.has("time") ? JsonInput.unixSeconds(entry, "time", where) : receivedAt;
        JsonNode changes = array(entry, "changes", where);
        for (int j = 0; j < changes.size(); j++) {
            readChange(changes.get(j), where + "changes[" + j + "]", wabaId, entryTime, router, items);
        }
    }

    private void change(JsonNode change, String path, String wabaId, Instant entryTime, Router router, Items items) {
        String at = path + ".";
        if (!change.isObject()) {
            throw new InvalidEvent(Rejection.WRONG_TYPE, path + " is not an object");
        }
        String field = text(change, "field", at);
        JsonNode value = object(change, "value", at);
        if (field.equals("messages")) {
            messages.read(workspaceOfPhone(value, router, at), wabaId, value, entryTime, path, items);
            return;
        }
        List<String> workspaces = TEMPLATE_FIELDS.contains(field) || !value.has("metadata")
                ? workspacesOfAccount(wabaId, router) : List.of(workspaceOfPhone(value, router, at));
        List<Fact> facts = new ArrayList<>(workspaces.size());
        if (TEMPLATE_FIELDS.contains(field)) {
            for (String workspace : workspaces) {
                facts.add(templates.fact(workspace, wabaId, field, value, entryTime, at + "value."));
            }
        } else {
            String phone = value.has("metadata") ? optText(value.get("metadata"), "phone_number_id", at) : "";
            String event = optText(value, "event", at);
            JsonNode prefs = value.path("user_preferences");
            if (event.isEmpty() && prefs.isArray() && !prefs.isEmpty()) {
                event = optText(prefs.get(0), "value", at);
            }
            for (String workspace : workspaces) {
                facts.add(new AccountEventFact(workspace, wabaId, phone, entryTime, field, event,
                        json.compact(value, MAX_DETAIL), 0));
            }
        }
        if (items.selected(path)) {
            facts.forEach(items::add);
        }
    }

    private static String workspaceOfPhone(JsonNode value, Router router, String where) {
        String phoneNumberId = text(object(value, "metadata", where + "value."), "phone_number_id",
                where + "value.metadata.");
        return router.workspaceOfPhoneNumber(phoneNumberId).orElseThrow(() -> new InvalidEvent(
                Rejection.UNKNOWN_PHONE_NUMBER, "unknown phone_number_id " + phoneNumberId
                        + " (add it with: scripts/wapi phone add --workspace WS --phone-number-id " + phoneNumberId + ")"));
    }

    private static List<String> workspacesOfAccount(String wabaId, Router router) {
        List<String> workspaces = wabaId.isEmpty() ? List.of() : router.workspacesOfAccount(wabaId);
        if (workspaces.isEmpty()) {
            throw new InvalidEvent(Rejection.UNKNOWN_ACCOUNT, "no workspace has a phone number on WhatsApp Business "
                    + "Account " + (wabaId.isEmpty() ? "(entry[].id missing)" : wabaId)
                    + " (add one with: scripts/wapi phone add --workspace WS --phone-number-id ID --waba-id " + wabaId + ")");
        }
        return workspaces;
    }
}
