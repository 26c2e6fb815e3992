package com.wapi.analytics.ingest;

import com.wapi.analytics.readers.ParseResult;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.platform.PlatformEventParser;
import com.wapi.analytics.readers.platform.PlatformEventParser.PlatformEvent;
import com.wapi.analytics.tenancy.ApiToken;
import com.wapi.analytics.tenancy.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The messaging platform's events: one JSON object or NDJSON, with a workspace's ingest token. Each line is
 * validated by the same parser the etl job uses; good lines land, bad lines are reported, repeats are no-ops.
 */
@RestController
class EventsController {

    static final String PATH = "/events";

    private final ApiTokens tokens;
    private final PlatformEventParser parser;
    private final RawEventLander lander;
    private final IngestProperties properties;
    private final IngestMetrics metrics;

    EventsController(ApiTokens tokens, PlatformEventParser parser, RawEventLander lander, IngestProperties properties,
            IngestMetrics metrics) {
        this.tokens = tokens;
        this.parser = parser;
        this.lander = lander;
        this.properties = properties;
        this.metrics = metrics;
    }

    record Line(int number, byte[] bytes) {
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, Object>> receive(HttpServletRequest request,
            @RequestHeader(name = "Authorization", required = false) String authorization) throws IOException {
        long start = System.nanoTime();
        Optional<ApiToken> token = tokens.authenticateHeader(authorization);
        if (token.isEmpty()) {
            metrics.outcome("events", "unauthorized");
            return Answers.error(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "send Authorization: Bearer <ingest token of the workspace> (scripts/wapi token create --workspace WS --kind ingest)");
        }
        if (token.get().kind() != ApiToken.Kind.ingest || token.get().workspaceId() == null) {
            metrics.outcome("events", "forbidden");
            return Answers.error(HttpStatus.FORBIDDEN, "forbidden", "this token may not send events: use an ingest token of one workspace");
        }
        String workspace = token.get().workspaceId();
        Optional<byte[]> body = BoundedBody.read(request);
        if (body.isEmpty()) {
            metrics.outcome("events", "too_large");
            return Answers.error(HttpStatus.CONTENT_TOO_LARGE, "too_large",
                    "the body is larger than " + properties.maxEventsBytes() + " bytes: send at most "
                            + properties.maxEventLines() + " lines per request");
        }
        List<Line> lines = lines(body.get());
        if (lines.size() > properties.maxEventLines()) {
            metrics.outcome("events", "too_large");
            return Answers.error(HttpStatus.CONTENT_TOO_LARGE, "too_many_lines",
                    lines.size() + " lines: send at most " + properties.maxEventLines() + " per request");
        }

        List<RawRow> rows = new ArrayList<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        int otherWorkspace = 0;
        for (Line line : lines) {
            PlatformEvent event = parser.read(line.bytes());
            if (event.result() instanceof ParseResult.Rejected r) {
                rejected.add(rejection(line.number(), event.eventId(), r.reason(), r.detail()));
            } else if (!event.workspaceId().equals(workspace)) {
                otherWorkspace++;
                rejected.add(rejection(line.number(), event.eventId(), Rejection.WORKSPACE_MISMATCH, "workspace_id \""
                        + event.workspaceId() + "\" is not this token's workspace \"" + workspace + "\""));
            } else {
                rows.add(RawRow.keyed("platform:" + workspace + ":" + event.eventId(), "platform", workspace,
                        event.eventId(), line.bytes()));
            }
        }
        if (!lines.isEmpty() && otherWorkspace == lines.size()) {
            metrics.outcome("events", "forbidden");
            return Answers.error(HttpStatus.FORBIDDEN, "workspace_mismatch",
                    "every event names another workspace than this token's (" + workspace + ")");
        }
        boolean[] stored;
        try {
            stored = lander.land(rows).get(properties.landingTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answers.unavailable(metrics, "events");
        } catch (Exception e) {
            return Answers.unavailable(metrics, "events");
        }
        int accepted = 0;
        for (boolean s : stored) {
            accepted += s ? 1 : 0;
        }
        metrics.outcome("events", rejected.isEmpty() ? "stored" : "partly_rejected");
        metrics.rejectedLines(rejected.size());
        metrics.landed(start);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", accepted);
        answer.put("duplicates", stored.length - accepted);
        answer.put("rejected", rejected);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    /**
     * One JSON object (possibly spread over lines), or NDJSON: one event per non-blank line. A body larger than one
     * event may be is NDJSON whatever its size, so each of its lines is checked alone.
     */
    private List<Line> lines(byte[] body) {
        if (body.length <= parser.maxEventBytes()
                && !(parser.read(body).result() instanceof ParseResult.Rejected r && r.reason() == Rejection.BAD_JSON)) {
            return List.of(new Line(1, body));
        }
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                if (!isBlank(body, start, end)) {
                    lines.add(new Line(number, Arrays.copyOfRange(body, start, end)));
                }
                start = i + 1;
                number++;
            }
        }
        return lines;
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> rejection(int line, String eventId, Rejection reason, String detail) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("line", line);
        if (!eventId.isEmpty()) {
            r.put("event_id", eventId);
        }
        r.put("error", reason.code());
        r.put("detail", detail);
        return r;
    }
}
