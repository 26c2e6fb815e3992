package com.wapi.analytics.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's webhook endpoint: the verification handshake. The signed notifications (POST) never reach Spring MVC:
 * {@link BodyReadingFilter} reads them and {@link WebhookReceiver} lands them.
 */
@RestController
class WebhookController {

    static final String PATH = "/webhooks/whatsapp";
    private final IngestMetrics metrics;
    private final byte[] verifyToken;

    WebhookController(IngestMetrics metrics, @Value("${wapi.meta.verify-token}") String verifyToken) {
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

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
