package com.wapi.analytics.privacy;

import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes one contact from a Meta webhook body. Meta batches several customers' messages and statuses in one
 * body, so the body is rewritten without the contact's items (contacts[], messages[], statuses[]) rather than
 * deleted; the other customers' items stay, and reload to the same facts.
 */
final class MetaBodies {

    enum Kind { UNTOUCHED, REWRITTEN, EMPTIED }

    /** What became of a body: untouched, rewritten without the contact, or emptied (to be deleted). */
    record Outcome(Kind kind, byte[] body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MetaBodies() {
    }

    /**
     * @param phoneNumberIds the workspace's numbers: only changes addressed to one of them are touched, so that the
     *        same customer writing to another workspace's number in the same body keeps those items
     */
    static Outcome without(byte[] body, String contact, Set<String> phoneNumberIds) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return new Outcome(Kind.EMPTIED, null); // unreadable, so never loadable, and it names the contact: nothing to keep
        }
        int removed = 0;
        int left = 0;
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (!(value instanceof ObjectNode)) {
                    continue;
                }
                String phone = value.path("metadata").path("phone_number_id").asString("");
                if (phoneNumberIds.contains(phone)) {
                    removed += remove(value.path("contacts"), contact, "wa_id", "user_id")
                            + remove(value.path("messages"), contact, "from", "from_user_id")
                            + remove(value.path("statuses"), contact, "recipient_id", "recipient_user_id");
                }
                left += value.path("messages").size() + value.path("statuses").size();
            }
        }
        if (removed == 0) {
            return new Outcome(Kind.UNTOUCHED, null);
        }
        return left == 0 ? new Outcome(Kind.EMPTIED, null) : new Outcome(Kind.REWRITTEN, JSON.writeValueAsBytes(root));
    }

    private static int remove(JsonNode items, String contact, String idField, String userIdField) {
        if (!(items instanceof ArrayNode array)) {
            return 0;
        }
        int removed = 0;
        for (int i = array.size() - 1; i >= 0; i--) {
            JsonNode item = array.get(i);
            if (contact.equals(item.path(idField).asString("")) || contact.equals(item.path(userIdField).asString(""))) {
                array.remove(i);
                removed++;
            }
        }
        return removed;
    }
}
