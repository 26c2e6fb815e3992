package com.wapi.analytics.readers.meta;

import static com.wapi.analytics.readers.meta.Unusual.text;

import com.wapi.analytics.readers.JsonInput;
import com.wapi.analytics.readers.facts.MessageStatusFact;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One statuses[] item read from the token stream into its fact, the same fact {@link MessagesChange} makes of the
 * item's tree. Only the usual shape is read here: a field of another type, a repeated field, an id that
 * {@link JsonInput#id} would refuse, anything the tree reading might reject, throws {@link Unusual}.
 */
final class StatusStream {

    private String id;
    private String status;
    private Instant timestamp;
    private String recipientType;
    private String recipientId;
    private String recipientUserId;
    private String participantId;
    private String participantUserId;
    private String callbackData;
    private int errorCode;
    private int errorSubcode;
    private String errorTitle;
    private String errorMessage;
    private String errorDetails;
    private String pricingCategory;
    private String pricingType;
    private String pricingModel;
    private boolean billable;
    private String conversationId;
    private String conversationOrigin;
    private int seen;

    /** Reads the object at the parser's START_OBJECT up to its END_OBJECT. */
    MessageStatusFact read(JsonParser p, String workspace, String phone) {
        clear();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            switch (name) {
                case "id" -> id = text(p, token, 0);
                case "status" -> status = text(p, token, 1);
                case "timestamp" -> timestamp = unixSeconds(p, token);
                case "recipient_type" -> recipientType = text(p, token, 3);
                case "recipient_id" -> recipientId = text(p, token, 4);
                case "recipient_user_id" -> recipientUserId = text(p, token, 5);
                case "recipient_participant_id" -> participantId = text(p, token, 6);
                case "recipient_participant_user_id" -> participantUserId = text(p, token, 7);
                case "biz_opaque_callback_data" -> callbackData = text(p, token, 8);
                case "errors" -> errors(p, token);
                case "pricing" -> pricing(p, token);
                case "conversation" -> conversation(p, token);
                default -> p.skipChildren();
            }
        }
        boolean group = "group".equals(recipientType);
        String recipient = group ? participantId : recipientId;
        String userId = group ? participantUserId : recipientUserId;
        if (!JsonInput.isPlainId(id) || status.isEmpty() || timestamp == null || !optionalId(recipient)
                || !optionalId(userId)) {
            throw Unusual.INSTANCE;
        }
        return new MessageStatusFact(workspace, id, status.toLowerCase(Locale.ROOT), timestamp,
                recipient.isEmpty() ? userId : recipient, userId, phone, errorCode, errorSubcode, errorTitle,
                errorMessage, errorDetails, pricingCategory, pricingType, pricingModel, billable, conversationId,
                conversationOrigin, callbackData);
    }

    private void clear() {
        id = status = recipientType = recipientId = recipientUserId = participantId = participantUserId = "";
        callbackData = errorTitle = errorMessage = errorDetails = "";
        pricingCategory = pricingType = pricingModel = conversationId = conversationOrigin = "";
        timestamp = null;
        errorCode = errorSubcode = 0;
        billable = false;
        seen = 0;
    }

    /** A field's string value, the first time the field is seen in this status. */
    private String text(JsonParser p, JsonToken token, int field) {
        once(field);
        return Unusual.text(p, token);
    }

    private void once(int field) {
        if ((seen & (1 << field)) != 0) {
            throw Unusual.INSTANCE;
        }
        seen |= 1 << field;
    }

    private static boolean optionalId(String value) {
        return value.isEmpty() || JsonInput.isPlainId(value);
    }

    /** As {@link JsonInput#unixSeconds}: digits in a string (as Meta sends them) within 2000..2100. */
    private Instant unixSeconds(JsonParser p, JsonToken token) {
        once(2);
        String digits = Unusual.text(p, token);
        if (digits.isEmpty() || digits.length() > 12) {
            throw Unusual.INSTANCE;
        }
        long seconds = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw Unusual.INSTANCE;
            }
            seconds = seconds * 10 + (c - '0');
        }
        if (seconds < 946684800L || seconds > 4102444800L) {
            throw Unusual.INSTANCE;
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** errors[]: the first one, an object, is the status's error; the others are not read. */
    private void errors(JsonParser p, JsonToken token) {
        once(9);
        if (token != JsonToken.START_ARRAY) {
            throw Unusual.INSTANCE;
        }
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return;
        }
        if (first != JsonToken.START_OBJECT) {
            throw Unusual.INSTANCE;
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "code" -> errorCode = integer(p, value, 12);
                case "error_subcode" -> errorSubcode = integer(p, value, 13);
                case "title" -> errorTitle = text(p, value, 14);
                case "message" -> errorMessage = text(p, value, 15);
                case "error_data" -> errorData(p, value);
                default -> p.skipChildren();
            }
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
    }

    private void errorData(JsonParser p, JsonToken token) {
        once(16);
        if (token != JsonToken.START_OBJECT) {
            throw Unusual.INSTANCE;
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("details")) {
                errorDetails = text(p, value, 17);
            } else {
                p.skipChildren();
            }
        }
    }

    private int integer(JsonParser p, JsonToken token, int field) {
        once(field);
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw Unusual.INSTANCE;
        }
        return p.getIntValue();
    }

    private void pricing(JsonParser p, JsonToken token) {
        once(10);
        if (token != JsonToken.START_OBJECT) {
            throw Unusual.INSTANCE;
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "category" -> pricingCategory = text(p, value, 18);
                case "type" -> pricingType = text(p, value, 19);
                case "pricing_model" -> pricingModel = text(p, value, 20);
                case "billable" -> billable = bool(value, 21);
                default -> p.skipChildren();
            }
        }
    }

    private boolean bool(JsonToken token, int field) {
        once(field);
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw Unusual.INSTANCE;
        }
        return token == JsonToken.VALUE_TRUE;
    }

    private void conversation(JsonParser p, JsonToken token) {
        once(11);
        if (token != JsonToken.START_OBJECT) {
            throw Unusual.INSTANCE;
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("id")) {
                conversationId = text(p, value, 22);
            } else if (name.equals("origin")) {
                origin(p, value);
            } else {
                p.skipChildren();
            }
        }
    }

    private void origin(JsonParser p, JsonToken token) {
        once(23);
        if (token != JsonToken.START_OBJECT) {
            throw Unusual.INSTANCE;
        }
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("type")) {
                conversationOrigin = text(p, value, 24);
            } else {
                p.skipChildren();
            }
        }
    }
}
