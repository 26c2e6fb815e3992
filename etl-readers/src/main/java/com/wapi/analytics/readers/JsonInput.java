package com.wapi.analytics.readers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON within {@link ParserLimits} and takes typed fields out of it, rejecting with a reason that names
 * the field and what was wrong. Thread-safe.
 */
public final class JsonInput {

    /** The longest text kept of a string field; longer ones are truncated. */
    public static final int MAX_TEXT = 64 * 1024;
    /** The longest id (event_id, broadcast_id, contact_id, wamid ...) accepted. */
    public static final int MAX_ID_CHARS = 256;
    /** The longest amount written as a string: 14 digits, a point, 4 decimals and a sign. */
    private static final int MAX_DECIMAL_CHARS = 20;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999");

    private final JsonMapper mapper;
    /** Reads one value in the middle of a stream: the tokens after it are the caller's. */
    private final ObjectReader values;

    public JsonInput(ParserLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringChars()).maxNumberLength(64).build())
                .build();
        this.mapper = JsonMapper.builder(factory).build();
        this.values = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The document as a tree; BAD_JSON, TOO_DEEP or TOO_LARGE when it cannot be read within the limits. */
    public JsonNode read(byte[] body, int maxBytes) {
        if (body == null || body.length == 0) {
            throw new InvalidEvent(Rejection.BAD_JSON, "empty body");
        }
        if (body.length > maxBytes) {
            throw new InvalidEvent(Rejection.TOO_LARGE, body.length + " bytes, more than the limit of " + maxBytes);
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidEvent(Rejection.BAD_JSON, "empty body");
            }
            return node;
        } catch (StreamConstraintsException e) {
            Rejection reason = e.getMessage() != null && e.getMessage().contains("nesting depth") ? Rejection.TOO_DEEP
                    : Rejection.TOO_LARGE;
            throw new InvalidEvent(reason, firstLine(e.getOriginalMessage()));
        } catch (JacksonException e) {
            throw new InvalidEvent(Rejection.BAD_JSON, firstLine(e.getOriginalMessage()));
        }
    }

    /** A token stream over the body, within the same limits as {@link #read}. */
    public JsonParser parser(byte[] body) {
        return mapper.createParser(body);
    }

    /** The value at the parser's current token as a tree; the parser is left on its last token. */
    public JsonNode tree(JsonParser parser) {
        return values.readTree(parser);
    }

    /** The value written in {@code length} bytes of the body from {@code offset}, as a tree. */
    public JsonNode tree(byte[] body, int offset, int length) {
        return mapper.readTree(body, offset, length);
    }

    public String compact(JsonNode node, int maxChars) {
        String text = node == null || node.isMissingNode() || node.isNull() ? "" : mapper.writeValueAsString(node);
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }

    public static JsonNode object(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidEvent(Rejection.MISSING_FIELD, where + field + " is missing");
        }
        if (!node.isObject()) {
            throw new InvalidEvent(Rejection.WRONG_TYPE, where + field + ": expected an object, got " + kind(node));
        }
        return node;
    }

    public static JsonNode array(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidEvent(Rejection.MISSING_FIELD, where + field + " is missing");
        }
        if (!node.isArray()) {
            throw new InvalidEvent(Rejection.WRONG_TYPE, where + field + ": expected an array, got " + kind(node));
        }
        return node;
    }

    /** An optional array: empty when absent. */
    public static JsonNode optArray(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return tools.jackson.databind.node.MissingNode.getInstance();
        }
        if (!node.isArray()) {
            throw new InvalidEvent(Rejection.WRONG_TYPE, where + field + ": expected an array, got " + kind(node));
        }
        return node;
    }

    public static String text(JsonNode parent, String field, String where) {
        String value = optText(parent, field, where);
        if (value.isEmpty()) {
            throw new InvalidEvent(Rejection.MISSING_FIELD, where + field + " is missing or empty");
        }
        return value;
    }

    /** A string (or a number, as Meta sometimes sends ids), "" when absent; truncated to 64 KiB. */
    public static String optText(JsonNode parent, String field, String where) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isString()) {
            String s = node.stringValue();
            return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        throw new InvalidEvent(Rejection.WRONG_TYPE, where + field + ": expected a string, got " + kind(node));
    }

    /** An id: present, at most {@link #MAX_ID_CHARS} characters, no control characters (NUL, newline ...). */
    public static String id(JsonNode parent, String field, String where) {
        return checkedId(text(parent, field, where), field, where);
    }

    /** An optional id, "" when absent; checked as {@link #id}. */
    public static String optId(JsonNode parent, String field, String where) {
        return checkedId(optText(parent, field, where), field, where);
    }

    /** Whether {@link #id} accepts the value as it is (not empty, not too long, no control characters). */
    public static boolean isPlainId(String value) {
        if (value.isEmpty() || value.length() > MAX_ID_CHARS) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String checkedId(String value, String field, String where) {
        if (value.length() > MAX_ID_CHARS) {
            throw new InvalidEvent(Rejection.TOO_LONG, where + field + ": at most " + MAX_ID_CHARS
                    + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidEvent(Rejection.BAD_VALUE, where + field + ": control character U+"
                        + String.format("%04X", (int) value.charAt(i)) + " at position " + i
                        + " (ids are printable text)");
            }
        }
        return value;
    }

    public static int optInt(JsonNode parent, String field, String where) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return 0;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isString() && node.stringValue().matches("-?\\d{1,9}")) {
            return Integer.parseInt(node.stringValue());
        }
        throw new InvalidEvent(node.isNumber() ? Rejection.BAD_VALUE : Rejection.WRONG_TYPE,
                where + field + ": expected an integer, got " + kind(node));
    }

    public static long requiredLong(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidEvent(Rejection.MISSING_FIELD, where + field + " is missing");
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return node.longValue();
        }
        throw new InvalidEvent(node.isNumber() ? Rejection.BAD_VALUE : Rejection.WRONG_TYPE,
                where + field + ": expected a non-negative integer, got " + kind(node));
    }

    public static boolean optBoolean(JsonNode parent, String field, String where) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw new InvalidEvent(Rejection.WRONG_TYPE, where + field + ": expected true or false, got " + kind(node));
    }

    /** Unix seconds, as a string (statuses, messages) or a number (entry.time); in range 2000..2100. */
    public static Instant unixSeconds(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidEvent(Rejection.MISSING_FIELD, where + field + " is missing");
        }
        long seconds;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            seconds = node.longValue();
        } else if (node.isString() && isDigits(node.stringValue(), 12)) {
            seconds = Long.parseLong(node.stringValue());
        } else {
            throw new InvalidEvent(Rejection.WRONG_TYPE, where + field + ": expected Unix seconds, got " + kind(node));
        }
        if (seconds < 946684800L || seconds > 4102444800L) {
            throw new InvalidEvent(Rejection.BAD_VALUE, where + field + ": " + seconds + " is not a plausible Unix time");
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static boolean isDigits(String text, int maxLength) {
        int n = text.length();
        if (n == 0 || n > maxLength) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** ISO-8601 with an offset, e.g. 2026-11-02T10:00:00+05:30. */
    public static Instant isoInstant(JsonNode parent, String field, String where) {
        String text = text(parent, field, where);
        try {
            Instant fast = parseCommonIsoInstant(text);
            Instant instant = fast != null ? fast : OffsetDateTime.parse(text).toInstant();
            if (instant.getEpochSecond() < 946684800L || instant.getEpochSecond() > 4102444800L) {
                throw new InvalidEvent(Rejection.BAD_VALUE, where + field + ": " + text + " is outside 2000..2100");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new InvalidEvent(Rejection.BAD_VALUE, where + field + ": expected ISO-8601 with offset "
                    + "(e.g. 2026-11-02T10:00:00+05:30), got \"" + abbreviate(text) + "\"");
        }
    }

    /**
     * The usual shape of an ISO-8601 time with offset, {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM|-HH:MM)},
     * parsed without the cost of a DateTimeFormatter; null for anything else (including invalid values), which
     * {@link OffsetDateTime#parse} then reads or rejects, so the result is always the same as that parser's.
     */
    static Instant parseCommonIsoInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int length = i - start;
            if (length == 0 || length > 9) {
                return null;
            }
            for (int k = length; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int offsetHours = digits(s, i + 1, 2);
            int offsetMinutes = digits(s, i + 4, 2);
            if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59
                    || (offsetHours == 18 && offsetMinutes > 0)) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        } else {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanos);
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * An amount of money: a JSON number, or a string of plain decimal digits; at most 14 digits and 4 decimals.
     * A string is checked for its length and shape before it becomes a BigDecimal, and no message spells out an
     * unchecked value, so an exponent such as "1E+400000000" costs nothing.
     */
    public static BigDecimal decimal(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidEvent(Rejection.MISSING_FIELD, where + field + " is missing");
        }
        BigDecimal value;
        if (node.isString()) {
            String text = node.stringValue().strip();
            if (text.length() > MAX_DECIMAL_CHARS) {
                throw new InvalidEvent(Rejection.TOO_LONG, where + field + ": an amount has at most "
                        + MAX_DECIMAL_CHARS + " characters, got " + text.length());
            }
            if (!isPlainDecimal(text)) {
                throw new InvalidEvent(Rejection.BAD_VALUE, where + field + ": expected a decimal amount such as "
                        + "1250.50 (digits, an optional point and decimals, no exponent), got \"" + text + "\"");
            }
            value = new BigDecimal(text);
        } else if (node.isNumber()) {
            value = Double.isFinite(node.doubleValue()) ? node.decimalValue() : null;
        } else {
            throw new InvalidEvent(Rejection.WRONG_TYPE, where + field + ": expected a decimal amount, got " + kind(node));
        }
        if (value == null || value.abs().compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidEvent(Rejection.BAD_VALUE, where + field + ": " + abbreviate(node.asString())
                    + " is out of range (at most 14 digits and 4 decimals)");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 4) {
            throw new InvalidEvent(Rejection.BAD_VALUE, where + field + ": " + abbreviate(value.toPlainString())
                    + " has more than 4 decimals");
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : value.scale() > 4 ? stripped : value;
    }

    /** Digits with an optional sign and point: no exponent, no spaces. */
    private static boolean isPlainDecimal(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        int digits = 0;
        int points = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && points == 0 && digits > 0) {
                points++;
            } else if (c >= '0' && c <= '9') {
                digits++;
            } else {
                return false;
            }
        }
        return digits > 0 && !s.endsWith(".");
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "\"" + abbreviate(node.stringValue()) + "\"";
            case NUMBER -> abbreviate(node.numberValue().toString());
            case BOOLEAN -> node.asString();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    public static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
