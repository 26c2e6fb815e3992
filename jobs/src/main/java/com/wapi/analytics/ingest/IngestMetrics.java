package com.wapi.analytics.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Requests by endpoint and outcome, and the time from request to commit. */
@Component
class IngestMetrics {

    private final MeterRegistry meters;
    private final Timer landing;

    IngestMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.landing = Timer.builder("wapi.ingest.landing").description("request received to rows committed")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    void outcome(String endpoint, String outcome) {
        meters.counter("wapi.ingest.requests", "endpoint", endpoint, "outcome", outcome).increment();
    }

    void rejectedLines(int n) {
        meters.counter("wapi.ingest.rejected.lines").increment(n);
    }

    void landed(long startNanos) {
        landing.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}
