package com.wapi.analytics.readers.platform;

import static com.wapi.analytics.readers.JsonInput.isoInstant;
import static com.wapi.analytics.readers.JsonInput.text;

import com.wapi.analytics.readers.InvalidEvent;
import com.wapi.analytics.readers.JsonInput;
import com.wapi.analytics.readers.ParseResult;
import com.wapi.analytics.readers.ParserLimits;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.Fact;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One platform event (a JSON object with the envelope event_id, type, workspace_id, occurred_at) into its fact,
 * validating every field its type requires. The receiver validates each NDJSON line with it before storing.
 */
public final class PlatformEventParser {

    /** The envelope as far as it could be read ("" where not), and the outcome. */
    public record PlatformEvent(String eventId, String type, String workspaceId, ParseResult result) {
    }

    private final ParserLimits limits;
    private final JsonInput json;
    private final PlatformFacts facts;

    public PlatformEventParser() {
        this(ParserLimits.DEFAULT);
    }

    public PlatformEventParser(ParserLimits limits) {
        this.limits = limits;
        this.json = new JsonInput(limits);
        this.facts = new PlatformFacts(json);
    }

    /** The size of the largest event it reads. */
    public int maxEventBytes() {
        return limits.maxEventBytes();
    }

    public ParseResult parse(byte[] event) {
        return read(event).result();
    }

    public PlatformEvent read(byte[] event) {
        String eventId = "";
        String type = "";
        String workspace = "";
        try {
            JsonNode root = json.read(event, limits.maxEventBytes());
            if (!root.isObject()) {
                throw new InvalidEvent(Rejection.NOT_AN_OBJECT, "an event is one JSON object with event_id, type, "
                        + "workspace_id and occurred_at");
            }
            eventId = safeText(root, "event_id");
            type = safeText(root, "type");
            workspace = safeText(root, "workspace_id");
            String id = JsonInput.id(root, "event_id", "");
            String ws = JsonInput.id(root, "workspace_id", "");
            String t = text(root, "type", "");
            Instant at = isoInstant(root, "occurred_at", "");
            Fact fact = facts.of(t, new PlatformFacts.Envelope(id, ws, at), root);
            return new PlatformEvent(eventId, type, workspace, new ParseResult.Parsed(List.of(fact)));
        } catch (InvalidEvent e) {
            return new PlatformEvent(eventId, type, workspace, e.toResult());
        } catch (RuntimeException e) {
            return new PlatformEvent(eventId, type, workspace,
                    ParseResult.reject(Rejection.BAD_VALUE, "unreadable event: " + e.getClass().getSimpleName()));
        }
    }

    private static String safeText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isString() && node.stringValue().length() <= JsonInput.MAX_ID_CHARS ? node.stringValue() : "";
    }
}
