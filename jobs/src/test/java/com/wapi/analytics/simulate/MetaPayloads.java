package com.wapi.analytics.simulate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds webhook bodies shaped like Meta's (docs/meta-webhooks.md), for the simulator, benchmarks and tests. */
public final class MetaPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MetaPayloads() {
    }

    /** A failed status's error, as Meta puts it in statuses[].errors[]. */
    public record Error(int code, String title, String details) {
    }

    /** One statuses[] item. */
    public static ObjectNode status(String wamid, String status, Instant at, String recipient, Error error) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", wamid);
        s.put("status", status);
        s.put("timestamp", Long.toString(at.getEpochSecond()));
        s.put("recipient_id", recipient);
        if (status.equals("sent")) {
            s.putObject("pricing").put("billable", true).put("pricing_model", "PMP").put("type", "regular")
                    .put("category", "marketing");
        }
        if (error != null) {
            ObjectNode e = s.putArray("errors").addObject();
            e.put("code", error.code()).put("title", error.title()).put("message", error.title());
            e.putObject("error_data").put("details", error.details());
            e.put("href", "/documentation/business-messaging/whatsapp/support/error-codes");
        }
        return s;
    }

    /** A customer's text message (messages[] item), optionally replying to a business message. */
    public static ObjectNode textMessage(String wamid, String from, Instant at, String body, String contextWamid) {
        ObjectNode m = JSON.createObjectNode();
        if (contextWamid != null) {
            m.putObject("context").put("from", "15550783881").put("id", contextWamid);
        }
        m.put("from", from).put("id", wamid).put("timestamp", Long.toString(at.getEpochSecond())).put("type", "text");
        m.putObject("text").put("body", body);
        return m;
    }

    /** A `messages` webhook for one phone number carrying the given statuses. */
    public static byte[] statuses(String wabaId, String phoneNumberId, ObjectNode... statuses) {
        ObjectNode root = envelope(wabaId);
        ObjectNode value = messagesValue(root, phoneNumberId);
        ArrayNode array = value.putArray("statuses");
        for (ObjectNode s : statuses) {
            array.add(s);
        }
        return bytes(root);
    }

    /** A `messages` webhook for one phone number carrying customer messages from one contact. */
    public static byte[] inbound(String wabaId, String phoneNumberId, String profileName, ObjectNode... messages) {
        ObjectNode root = envelope(wabaId);
        ObjectNode value = messagesValue(root, phoneNumberId);
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", profileName);
        contact.put("wa_id", messages[0].get("from").asString());
        ArrayNode array = value.putArray("messages");
        for (ObjectNode m : messages) {
            array.add(m);
        }
        return bytes(root);
    }

    /** A template quality change (message_template_quality_update), routed by the WABA id. */
    public static byte[] templateQuality(String wabaId, Instant at, long templateId, String name, String previous,
            String next) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", wabaId).put("time", at.getEpochSecond());
        ObjectNode change = entry.putArray("changes").addObject();
        change.putObject("value").put("previous_quality_score", previous).put("new_quality_score", next)
                .put("message_template_id", templateId).put("message_template_name", name)
                .put("message_template_language", "en_US");
        change.put("field", "message_template_quality_update");
        return bytes(root);
    }

    private static ObjectNode envelope(String wabaId) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "whatsapp_business_account");
        root.putArray("entry").addObject().put("id", wabaId);
        return root;
    }

    private static ObjectNode messagesValue(ObjectNode root, String phoneNumberId) {
        ObjectNode change = ((ObjectNode) root.get("entry").get(0)).putArray("changes").addObject();
        ObjectNode value = change.putObject("value");
        change.put("field", "messages");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550783881").put("phone_number_id", phoneNumberId);
        return value;
    }

    private static byte[] bytes(ObjectNode root) {
        return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }
}
