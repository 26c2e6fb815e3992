package com.wapi.analytics.readers.meta;

import static com.wapi.analytics.readers.meta.Unusual.text;

import com.wapi.analytics.readers.JsonInput;
import java.time.Instant;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A webhook body read as a stream of tokens, without a tree of the whole body: entry[] -> changes[] -> the value
 * of a messages change, whose statuses become facts straight from the tokens ({@link StatusStream}). Any part
 * that is not of the usual shape (another change field, a status of another shape, fields in an unusual order) is
 * read again as a tree from its own bytes by the tree reading of {@link MetaWebhookParser} and
 * {@link MessagesChange}, so the facts, item paths and reasons are the tree reading's, item by item; messages and
 * system errors, rare beside statuses, are read as trees of their own.
 */
final class MetaStream {

    private final JsonInput json;
    private final MetaWebhookParser tree;
    private final MessagesChange messages;

    MetaStream(JsonInput json, MetaWebhookParser tree, MessagesChange messages) {
        this.json = json;
        this.tree = tree;
        this.messages = messages;
    }

    /**
     * Reads every item of the body into {@code items}; false when the body as a whole is not a usual webhook (the
     * caller then reads it all as a tree, which names what is wrong). Throws what the parser throws on bad JSON.
     */
    boolean read(byte[] body, Router router, Instant receivedAt, Items items) {
        try (JsonParser p = json.parser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            String object = null;
            int entries = -1;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                if (name.equals("object") && object == null && token == JsonToken.VALUE_STRING) {
                    object = p.getString();
                } else if (name.equals("entry") && entries < 0 && token == JsonToken.START_ARRAY) {
                    entries = 0;
                    Reading reading = new Reading(body, p, router, items);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        reading.entry("entry[" + entries++ + "]", receivedAt);
                    }
                } else if (name.equals("object") || name.equals("entry")) {
                    return false;
                } else {
                    p.skipChildren();
                }
            }
            return entries > 0 && "whatsapp_business_account".equals(object) && p.nextToken() == null;
        }
    }

    /** The reading of one body. */
    private final class Reading {

        private final byte[] body;
        private final JsonParser p;
        private final Router router;
        private final Items items;
        private final StatusStream status = new StatusStream();

        Reading(byte[] body, JsonParser p, Router router, Items items) {
            this.body = body;
            this.p = p;
            this.router = router;
            this.items = items;
        }

        void entry(String path, Instant receivedAt) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                tree.readEntry(json.tree(p), path, router, receivedAt, items);
                return;
            }
            Unusual.Span span = Unusual.Span.at(p);
            long mark = items.mark();
            try {
                String wabaId = null;
                Instant time = null;
                boolean changes = false;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken token = p.nextToken();
                    switch (name) {
                        case "id" -> wabaId = before(changes, wabaId, text(p, token));
                        case "time" -> time = before(changes, time, unixSeconds(token));
                        case "changes" -> {
                            if (changes || token != JsonToken.START_ARRAY) {
                                throw Unusual.INSTANCE;
                            }
                            changes = true;
                            int j = 0;
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                change(path + ".changes[" + j++ + "]", wabaId == null ? "" : wabaId,
                                        time == null ? receivedAt : time);
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
                if (!changes) {
                    throw Unusual.INSTANCE;
                }
            } catch (Unusual e) {
                items.reset(mark);
                int length = span.finish(p);
                tree.readEntry(json.tree(body, span.offset(), length), path, router, receivedAt, items);
            }
        }

        /** The value of a field that the changes read so far depend on: it must come before them, once. */
        private static <T> T before(boolean changesRead, T earlier, T value) {
            if (changesRead || earlier != null) {
                throw Unusual.INSTANCE;
            }
            return value;
        }

        private Instant unixSeconds(JsonToken token) {
            if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                    && p.getNumberType() != JsonParser.NumberType.LONG) {
                throw Unusual.INSTANCE;
            }
            long seconds = p.getLongValue();
            if (seconds < 946684800L || seconds > 4102444800L) {
                throw Unusual.INSTANCE;
            }
            return Instant.ofEpochSecond(seconds);
        }

        /** A change, read as a messages change whichever of field and value comes first (Meta sends value first). */
        private void change(String path, String wabaId, Instant entryTime) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                tree.readChange(json.tree(p), path, wabaId, entryTime, router, items);
                return;
            }
            Unusual.Span span = Unusual.Span.at(p);
            long mark = items.mark();
            try {
                String field = null;
                boolean value = false;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken token = p.nextToken();
                    if (name.equals("field")) {
                        if (field != null || !text(p, token).equals("messages")) {
                            throw Unusual.INSTANCE;
                        }
                        field = "messages";
                    } else if (name.equals("value")) {
                        if (value || token != JsonToken.START_OBJECT) {
                            throw Unusual.INSTANCE;
                        }
                        value = true;
                        messagesValue(path, wabaId, entryTime);
                    } else {
                        p.skipChildren();
                    }
                }
                if (field == null || !value) {
                    throw Unusual.INSTANCE;
                }
            } catch (Unusual e) {
                items.reset(mark);
                int length = span.finish(p);
                tree.readChange(json.tree(body, span.offset(), length), path, wabaId, entryTime, router, items);
            }
        }

        /** statuses[], then messages[] (after contacts[]), then errors[], after the metadata naming the number. */
        private void messagesValue(String path, String wabaId, Instant entryTime) {
            String phone = null;
            String workspace = null;
            JsonNode contacts = null;
            int stage = 0;
            int read = 0;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                switch (name) {
                    case "metadata" -> {
                        if (phone != null || token != JsonToken.START_OBJECT) {
                            throw Unusual.INSTANCE;
                        }
                        phone = phoneNumberId();
                        workspace = router.workspaceOfPhoneNumber(phone).orElseThrow(() -> Unusual.INSTANCE);
                    }
                    case "contacts" -> {
                        if (contacts != null || stage >= 2 || token != JsonToken.START_ARRAY) {
                            throw Unusual.INSTANCE;
                        }
                        contacts = json.tree(p);
                    }
                    case "statuses", "messages", "errors" -> {
                        int itemStage = name.equals("statuses") ? 1 : name.equals("messages") ? 2 : 3;
                        if (phone == null || stage >= itemStage || token != JsonToken.START_ARRAY) {
                            throw Unusual.INSTANCE;
                        }
                        stage = itemStage;
                        int k = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            switch (itemStage) {
                                case 1 -> status(workspace, phone, path, k);
                                case 2 -> messages.readMessage(workspace, phone, json.tree(p),
                                        contacts == null ? MissingNode.getInstance() : contacts, path, k, items);
                                default -> messages.readError(workspace, wabaId, phone, entryTime, json.tree(p), path,
                                        k, items);
                            }
                            k++;
                        }
                        read += k;
                    }
                    default -> p.skipChildren();
                }
            }
            if (read == 0) {
                // a value without items is one account event holding the value itself
                throw Unusual.INSTANCE;
            }
        }

        private String phoneNumberId() {
            String phone = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                if (name.equals("phone_number_id")) {
                    if (phone != null) {
                        throw Unusual.INSTANCE;
                    }
                    phone = text(p, token);
                } else {
                    p.skipChildren();
                }
            }
            if (phone == null || phone.isEmpty()) {
                throw Unusual.INSTANCE;
            }
            return phone;
        }

        private void status(String workspace, String phone, String path, int k) {
            JsonNode node;
            if (p.currentToken() == JsonToken.START_OBJECT) {
                Unusual.Span span = Unusual.Span.at(p);
                try {
                    items.add(status.read(p, workspace, phone));
                    return;
                } catch (Unusual e) {
                    node = json.tree(body, span.offset(), span.finish(p));
                }
            } else {
                node = json.tree(p);
            }
            messages.readStatus(workspace, phone, node, path, k, items);
        }
    }
}
