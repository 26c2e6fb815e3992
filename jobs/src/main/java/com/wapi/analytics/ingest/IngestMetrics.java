package com.wapi.analytics.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Counters by endpoint and outcome, found once: a registry lookup builds tags and ids on every call. */
    private final Map<String, Map<String, Counter>> requests = new ConcurrentHashMap<>();

    void outcome(String endpoint, String outcome) {
        requests.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> meters.counter("wapi.ingest.requests", "endpoint", endpoint, "outcome", o))
                .increment();
    }

    void rejectedLines(int n) {
        meters.counter("wapi.ingest.rejected.lines").increment(n);
    }

    void landed(long startNanos) {
        landing.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}
