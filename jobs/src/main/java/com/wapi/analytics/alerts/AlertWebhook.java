package com.wapi.analytics.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs an incident event as JSON to the workspace's webhook URL, signed {@code X-Wapi-Signature: sha256=<hex HMAC-SHA256
 * of the body, key the workspace's alert secret>}. Claimed for a minute first, so that racing evaluators do not post
 * the same event at once; anything but a 2xx answer within the timeout is retried at the next evaluation.
 */
@Component
class AlertWebhook {

    static final String SIGNATURE = "X-Wapi-Signature";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final AlertContents contents;
    private final AlertSettingsRepository settings;
    private final HttpClient http;
    private final Duration timeout;

    AlertWebhook(JdbcClient db, AlertContents contents, AlertSettingsRepository settings,
            @Value("${wapi.alerts.webhook-timeout:PT10S}") Duration timeout) {
        this.db = db;
        this.contents = contents;
        this.settings = settings;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @return what happened, for the evaluation's output */
    String post(Incident incident, String event) {
        AlertSettings s = settings.find(incident.workspaceId());
        if (s.webhookUrl() == null) {
            return "NO_WEBHOOK";
        }
        db.sql("INSERT INTO alert_webhooks (incident_id, event, url) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(incident.id(), event, s.webhookUrl()).update();
        boolean claimed = db.sql("""
                UPDATE alert_webhooks SET claimed_until = now() + interval '1 minute', attempts = attempts + 1, url = ?
                 WHERE incident_id = ? AND event = ? AND delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())""")
                .params(s.webhookUrl(), incident.id(), event).update() == 1;
        if (!claimed) {
            return "CLAIMED_ELSEWHERE";
        }
        byte[] body = body(contents.of(incident, event), incident);
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(s.webhookUrl())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE, "sha256=" + sign(body, s.webhookSecret()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 != 2) {
                error = "answered " + status;
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        db.sql("""
                UPDATE alert_webhooks SET last_status = ?, last_error = ?, claimed_until = NULL,
                       delivered_at = CASE WHEN ?::text IS NULL THEN now() END
                 WHERE incident_id = ? AND event = ?""")
                .params(status, error, error, incident.id(), event).update();
        return error == null ? "DELIVERED" : "FAILED: " + error + " (retried at the next evaluation)";
    }

    static byte[] body(AlertContent c, Incident incident) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", "alert-" + incident.id() + "-" + c.event());
        json.put("event", c.event());
        json.put("workspace_id", c.workspaceId());
        json.put("rule", c.rule());
        json.put("title", c.title());
        json.put("subject", c.subject());
        json.put("summary", c.summary());
        json.put("opened_at", incident.openedAt().toInstant().toString());
        json.put("resolved_at", incident.resolvedAt() == null ? null : incident.resolvedAt().toInstant().toString());
        json.put("figures", c.figures());
        return JSON.writeValueAsBytes(json);
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
