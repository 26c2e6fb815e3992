package com.wapi.analytics.ingest;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The receiver's error answers: {"error": code, "detail": what to do}. */
final class Answers {

    static final String UNAVAILABLE = "the event store is unavailable; nothing was stored, retry";
    static final String RETRY_AFTER_SECONDS = "5";
    static final String BUSY = "the receiver is reading too many bodies at once; nothing was stored, retry";

    private Answers() {
    }

    static String bodyTimeout(IngestProperties properties) {
        return "the body did not arrive within " + properties.bodyDeadlineMillis() / 1000
                + " s; nothing was stored: send it in one go";
    }

    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(Map.of("error", code, "detail", detail));
    }

    static ResponseEntity<Map<String, Object>> unavailable(IngestMetrics metrics, String endpoint) {
        metrics.outcome(endpoint, "unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
                .body(Map.of("error", "unavailable", "detail", UNAVAILABLE));
    }
}
