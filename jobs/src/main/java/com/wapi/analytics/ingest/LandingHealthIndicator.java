package com.wapi.analytics.ingest;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** DOWN when the receiver's landing writer is dead or has been stuck on one batch longer than allowed. */
@Component("landing")
class LandingHealthIndicator extends AbstractHealthIndicator {

    private final RawEventLander lander;
    private final IngestProperties properties;

    LandingHealthIndicator(RawEventLander lander, IngestProperties properties) {
        super("landing health check failed");
        this.lander = lander;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long since = lander.millisSinceWriterLoop();
        if (since <= properties.writerStallMillis()) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("waitingRequests", lander.waiting());
        if (since == Long.MAX_VALUE) {
            builder.withDetail("writer", "stopped: restart serve");
        } else if (since > properties.writerStallMillis()) {
            builder.withDetail("writer", "stuck on one batch for " + since / 1000 + " s: check Postgres (locks, disk)");
        }
    }
}
