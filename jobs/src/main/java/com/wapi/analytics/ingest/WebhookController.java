package com.wapi.analytics.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meta's webhook endpoint: the verification handshake, and signed event notifications landed raw. */
@RestController
class WebhookController {

    static final String PATH = "/webhooks/whatsapp";
    /** The two answers to a stored webhook, written once rather than serialized per request. */
    private static final byte[] STORED = "{\"stored\":true}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] REPEAT = "{\"stored\":false}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature signature;
    private final RawEventLander lander;
    private final PhoneRouting routing;
    private final IngestProperties properties;
    private final IngestMetrics metrics;
    private final byte[] verifyToken;

    WebhookController(WebhookSignature signature, RawEventLander lander, PhoneRouting routing,
            IngestProperties properties, IngestMetrics metrics, @Value("${wapi.meta.verify-token}") String verifyToken) {
        this.signature = signature;
        this.lander = lander;
        this.routing = routing;
        this.properties = properties;
        this.metrics = metrics;
        this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        boolean ok = "subscribe".equals(mode) && token != null && challenge != null && verifyToken.length > 0
                && MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
        metrics.outcome("webhook_verify", ok ? "ok" : "forbidden");
        return ok ? ResponseEntity.ok(challenge) : ResponseEntity.status(HttpStatus.FORBIDDEN).body("verify token mismatch");
    }

    @PostMapping(path = PATH)
    ResponseEntity<?> receive(HttpServletRequest request,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signatureHeader) throws IOException {
        long start = System.nanoTime();
        Optional<byte[]> read = BoundedBody.read(request);
        if (read.isEmpty()) {
            metrics.outcome("webhook", "too_large");
            return Answers.error(HttpStatus.CONTENT_TOO_LARGE, "too_large",
                    "the body is larger than " + properties.maxWebhookBytes() + " bytes");
        }
        byte[] body = read.get();
        if (!signature.matches(signatureHeader, body)) {
            metrics.outcome("webhook", "unauthorized");
            return Answers.error(HttpStatus.UNAUTHORIZED, "bad_signature", signature.configured()
                    ? "X-Hub-Signature-256 must be sha256=<hex HMAC-SHA256 of the raw body with the app secret>"
                    : "the receiver has no app secret: set WAPI_META_APP_SECRET");
        }
        String routeKey = WebhookRoute.routeKey(body);
        RawRow row = new RawRow("meta:" + sha256(body), "meta", routing.workspaceOf(routeKey), routeKey, body);
        try {
            boolean stored = lander.land(List.of(row)).get(properties.landingTimeoutMillis(), TimeUnit.MILLISECONDS)[0];
            metrics.outcome("webhook", stored ? "stored" : "duplicate");
            metrics.landed(start);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(stored ? STORED : REPEAT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answers.unavailable(metrics, "webhook");
        } catch (Exception e) {
            return Answers.unavailable(metrics, "webhook");
        }
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
