package com.wapi.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.support.FreePorts;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every test of {@link ReceiverTests}, with Meta's webhooks sent to the webhook port ({@link WebhookServer}). */
class WebhookServerTests extends ReceiverTests {

    static final int WEBHOOK_PORT = FreePorts.any();

    @DynamicPropertySource
    static void webhookPort(DynamicPropertyRegistry registry) {
        registry.add("wapi.ingest.webhook-port", () -> WEBHOOK_PORT);
    }

    @Override
    int webhookPort() {
        return WEBHOOK_PORT;
    }

    @Test
    void theWebhookPortServesTheWebhookPathOnly() throws Exception {
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + WEBHOOK_PORT + "/api/v1/workspaces")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("/webhooks/whatsapp");
    }
}
