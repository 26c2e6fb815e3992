package com.wapi.analytics.ingest;

import com.wapi.analytics.support.FreePorts;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every test of {@link ReceiverFaultTests}, with Meta's webhooks sent to the webhook port ({@link WebhookServer}). */
class WebhookServerFaultTests extends ReceiverFaultTests {

    static final int WEBHOOK_PORT = FreePorts.any();

    @DynamicPropertySource
    static void webhookPort(DynamicPropertyRegistry registry) {
        registry.add("wapi.ingest.webhook-port", () -> WEBHOOK_PORT);
    }

    @Override
    int webhookPort() {
        return WEBHOOK_PORT;
    }
}
