package com.wapi.analytics.readers.meta;

import static com.wapi.analytics.readers.JsonInput.id;
import static com.wapi.analytics.readers.JsonInput.optArray;
import static com.wapi.analytics.readers.JsonInput.optBoolean;
import static com.wapi.analytics.readers.JsonInput.optId;
import static com.wapi.analytics.readers.JsonInput.optInt;
import static com.wapi.analytics.readers.JsonInput.optText;
import static com.wapi.analytics.readers.JsonInput.text;
import static com.wapi.analytics.readers.JsonInput.unixSeconds;

import com.wapi.analytics.readers.InvalidEvent;
import com.wapi.analytics.readers.JsonInput;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.AccountEventFact;
import com.wapi.analytics.readers.facts.Fact;
import com.wapi.analytics.readers.facts.InboundMessageFact;
import com.wapi.analytics.readers.facts.MessageStatusFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The value of a {@code messages} change: statuses[], messages[] (+ contacts[]) and system errors[]. */
final class MessagesChange {

    private static final int MAX_TEXT_BODY = 4096;
    /** The objects named after a message's type that carry its content. */
    private static final Set<String> CONTENT_TYPES = Set.of("text", "image", "audio", "video", "document", "sticker",
            "location", "contacts", "interactive", "button", "reaction", "order", "system", "request_welcome",
            "unsupported", "revoke", "edit");

    private final JsonInput json;

    MessagesChange(JsonInput json) {
        this.json = json;
    }

    /** Every status, message and error of the change, each an item of its own under {@code path}. */
    void read(String workspace, String wabaId, JsonNode value, Instant entryTime, String path, Items items) {
        String where = path + ".value.";
        String phone = optText(value.get("metadata"), "phone_number_id", where);
        JsonNode statuses = optArray(value, "statuses", where);
        JsonNode contacts = optArray(value, "contacts", where);
        JsonNode messages = optArray(value, "messages", where);
        JsonNode errors = optArray(value, "errors", where);
        for (int k = 0; k < statuses.size(); k++) {
            readStatus(workspace, phone, statuses.get(k), path, k, items);
        }
        for (int k = 0; k < messages.size(); k++) {
            readMessage(workspace, phone, messages.get(k), contacts, path, k, items);
        }
        for (int k = 0; k < errors.size(); k++) {
            readError(workspace, wabaId, phone, entryTime, errors.get(k), path, k, items);
        }
        if (statuses.isEmpty() && messages.isEmpty() && errors.isEmpty() && items.selected(path)) {
            items.add(new AccountEventFact(workspace, wabaId, phone, entryTime, "messages", "",
                    json.compact(value, 16 * 1024), 0));
        }
    }

    /** statuses[k] of the change at {@code path}, an item of its own. */
    void readStatus(String workspace, String phone, JsonNode s, String path, int k, Items items) {
        String item = "statuses[" + k + "]";
        String where = path + ".value.";
        items.read(path + "." + item, () -> items.add(status(workspace, phone, object(s, where + item),
                where + item + ".")));
    }

    /** messages[k] of the change at {@code path}, an item of its own. */
    void readMessage(String workspace, String phone, JsonNode m, JsonNode contacts, String path, int k, Items items) {
        String item = "messages[" + k + "]";
        String where = path + ".value.";
        items.read(path + "." + item, () -> items.add(inbound(workspace, phone, object(m, where + item), contacts,
                where + item + ".")));
    }

    /** errors[k] (a system error) of the change at {@code path}, an item of its own. */
    void readError(String workspace, String wabaId, String phone, Instant entryTime, JsonNode e, String path, int k,
            Items items) {
        String item = "errors[" + k + "]";
        String where = path + ".value.";
        items.read(path + "." + item, () -> items.add(new AccountEventFact(workspace, wabaId, phone, entryTime,
                "messages", "error", json.compact(object(e, where + item), 16 * 1024),
                optInt(e, "code", where + item + "."))));
    }

    private MessageStatusFact status(String workspace, String phone, JsonNode s, String where) {
        JsonNode error = first(optArray(s, "errors", where));
        JsonNode pricing = s.path("pricing");
        JsonNode conversation = s.path("conversation");
        boolean group = "group".equals(optText(s, "recipient_type", where));
        // A status of a group send is about one participant: that participant is the contact, not the group.
        String recipient = group ? optId(s, "recipient_participant_id", where) : optId(s, "recipient_id", where);
        String userId = group ? optId(s, "recipient_participant_user_id", where) : optId(s, "recipient_user_id", where);
        JsonNode origin = conversation.path("origin");
        String errorWhere = within(where, error, "errors[0].");
        String pricingWhere = within(where, pricing, "pricing.");
        return new MessageStatusFact(workspace, id(s, "id", where),
                text(s, "status", where).toLowerCase(Locale.ROOT), unixSeconds(s, "timestamp", where),
                recipient.isEmpty() ? userId : recipient, userId, phone,
                optInt(error, "code", errorWhere), optInt(error, "error_subcode", errorWhere),
                optText(error, "title", errorWhere), optText(error, "message", errorWhere),
                optText(error.path("error_data"), "details", errorWhere),
                optText(pricing, "category", pricingWhere), optText(pricing, "type", pricingWhere),
                optText(pricing, "pricing_model", pricingWhere), optBoolean(pricing, "billable", pricingWhere),
                optText(conversation, "id", within(where, conversation, "conversation.")),
                optText(origin, "type", within(where, origin, "conversation.origin.")),
                optText(s, "biz_opaque_callback_data", where));
    }

    /**
     * The place of a nested object in error messages. The helpers read it only to report a problem with a value
     * that is there, so an absent object (the usual case) costs no string building.
     */
    private static String within(String where, JsonNode node, String path) {
        return node.isMissingNode() ? where : where + path;
    }

    private InboundMessageFact inbound(String workspace, String phone, JsonNode m, JsonNode contacts, String where) {
        String from = optId(m, "from", where);
        String fromUserId = optId(m, "from_user_id", where);
        JsonNode contact = contactOf(contacts, from, fromUserId);
        String contactUserId = fromUserId.isEmpty() ? optText(contact, "user_id", "contacts[].") : fromUserId;
        String contactId = !from.isEmpty() ? from : contactUserId;
        if (contactId.isEmpty()) {
            throw new InvalidEvent(Rejection.MISSING_FIELD, where + "from is missing (and no from_user_id or contacts[].user_id)");
        }
        JsonNode context = m.path("context");
        JsonNode interactive = m.path("interactive");
        String interactiveWhere = within(where, interactive, "interactive.");
        String interactiveType = optText(interactive, "type", interactiveWhere);
        JsonNode reply = interactiveType.isEmpty() ? tools.jackson.databind.node.MissingNode.getInstance() : interactive.path(interactiveType);
        JsonNode referral = m.path("referral");
        String referralWhere = within(where, referral, "referral.");
        String contextWhere = within(where, context, "context.");
        JsonNode button = m.path("button");
        String buttonWhere = within(where, button, "button.");
        JsonNode text = m.path("text");
        String body = optText(text, "body", within(where, text, "text."));
        JsonNode error = first(optArray(m, "errors", where));
        return new InboundMessageFact(workspace, id(m, "id", where), contactId, from.isEmpty() ? optText(contact, "wa_id", "contacts[].") : from,
                contactUserId, optText(contact.path("profile"), "name", "contacts[].profile."),
                unixSeconds(m, "timestamp", where), type(m, where), phone,
                optText(context, "id", contextWhere),
                optBoolean(context, "forwarded", contextWhere) || optBoolean(context, "frequently_forwarded", contextWhere),
                optText(button, "payload", buttonWhere), optText(button, "text", buttonWhere),
                interactiveType, optText(reply, "id", interactiveWhere), optText(reply, "title", interactiveWhere),
                optText(referral, "source_id", referralWhere), optText(referral, "source_type", referralWhere),
                optText(referral, "source_url", referralWhere), optText(referral, "ctwa_clid", referralWhere),
                body.length() > MAX_TEXT_BODY ? body.substring(0, MAX_TEXT_BODY) : body,
                optInt(error, "code", within(where, error, "errors[0].")));
    }

    /**
     * The message's type; when Meta leaves it out (seen in real deliveries), the one content object the message
     * carries names it.
     */
    private static String type(JsonNode m, String where) {
        String type = optText(m, "type", where);
        if (!type.isEmpty()) {
            return type;
        }
        String found = "";
        for (String name : m.propertyNames()) {
            if (CONTENT_TYPES.contains(name)) {
                if (!found.isEmpty()) {
                    throw new InvalidEvent(Rejection.MISSING_FIELD, where + "type is missing and the message carries "
                            + "both " + found + " and " + name);
                }
                found = name;
            }
        }
        if (found.isEmpty()) {
            throw new InvalidEvent(Rejection.MISSING_FIELD, where + "type is missing and the message carries no "
                    + "content object (text, image, location ...)");
        }
        return found;
    }

    private static JsonNode contactOf(JsonNode contacts, String from, String fromUserId) {
        for (JsonNode c : contacts) {
            boolean byPhone = !from.isEmpty() && from.equals(c.path("wa_id").asString(""));
            boolean byUserId = !fromUserId.isEmpty() && fromUserId.equals(c.path("user_id").asString(""));
            if (c.isObject() && (byPhone || byUserId)) {
                return c;
            }
        }
        JsonNode first = first(contacts);
        return first.isObject() ? first : tools.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode object(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidEvent(Rejection.WRONG_TYPE, where + ": expected an object, got " + JsonInput.abbreviate(
                    node.toString()));
        }
        return node;
    }

    private static JsonNode first(JsonNode array) {
        return array.isArray() && !array.isEmpty() && array.get(0).isObject() ? array.get(0) : tools.jackson.databind.node.MissingNode.getInstance();
    }
}
