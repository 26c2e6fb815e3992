package com.wapi.analytics.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Meta webhook whose body {@link BodyReadingFilter} has read whole: the signature is checked, the phone number
 * found and the body handed to the group commit, all without a second dispatch through the servlet container and
 * Spring MVC (that round trip was most of the receiver's CPU). The answer is known only once the rows are committed,
 * so no thread waits for it.
 */
@Component
class WebhookReceiver {

    /** What the client is told: a status and a JSON body; 503s ask it to retry. */
    record Answer(int status, byte[] json) {

        /** Seconds to wait before retrying, sent as Retry-After with every 503; null for any other answer. */
        String retryAfter() {
            return status == 503 ? Answers.RETRY_AFTER_SECONDS : null;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Answer STORED = new Answer(200, "{\"stored\":true}".getBytes(StandardCharsets.UTF_8));
    private static final Answer REPEAT = new Answer(200, "{\"stored\":false}".getBytes(StandardCharsets.UTF_8));
    static final Answer UNAVAILABLE = error(503, "unavailable", Answers.UNAVAILABLE);

    private final WebhookSignature signature;
    private final RawEventLander lander;
    private final PhoneRouting routing;
    private final IngestProperties properties;
    private final IngestMetrics metrics;

    WebhookReceiver(WebhookSignature signature, RawEventLander lander, PhoneRouting routing,
            IngestProperties properties, IngestMetrics metrics) {
        this.signature = signature;
        this.lander = lander;
        this.routing = routing;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Completes once the body is committed (or refused); never exceptionally, and within {@code waitMillis}. */
    CompletableFuture<Answer> receive(String signatureHeader, byte[] body, long waitMillis) {
        long start = System.nanoTime();
        if (!signature.matches(signatureHeader, body)) {
            metrics.outcome("webhook", "unauthorized");
            return CompletableFuture.completedFuture(error(401, "bad_signature", signature.configured()
                    ? "X-Hub-Signature-256 must be sha256=<hex HMAC-SHA256 of the raw body with the app secret>"
                    : "the receiver has no app secret: set WAPI_META_APP_SECRET"));
        }
        String routeKey = WebhookRoute.routeKey(body);
        String workspaceId;
        try {
            workspaceId = routing.workspaceOf(routeKey);
        } catch (RuntimeException postgresAway) {
            metrics.outcome("webhook", "unavailable");
            return CompletableFuture.completedFuture(UNAVAILABLE);
        }
        RawRow row = RawRow.keyed("meta:" + WebhookController.sha256(body), "meta", workspaceId, routeKey, body);
        return lander.land(List.of(row))
                .orTimeout(Math.min(waitMillis, properties.landingTimeoutMillis()), TimeUnit.MILLISECONDS)
                .handle((stored, failure) -> {
                    if (failure != null) {
                        metrics.outcome("webhook", "unavailable");
                        return UNAVAILABLE;
                    }
                    metrics.outcome("webhook", stored[0] ? "stored" : "duplicate");
                    metrics.landed(start);
                    return stored[0] ? STORED : REPEAT;
                });
    }

    Answer tooLarge() {
        metrics.outcome("webhook", "too_large");
        return error(413, "too_large", "the body is larger than " + properties.maxWebhookBytes() + " bytes");
    }

    static Answer error(int status, String code, String detail) {
        return new Answer(status, JSON.writeValueAsBytes(Map.of("error", code, "detail", detail)));
    }
}
