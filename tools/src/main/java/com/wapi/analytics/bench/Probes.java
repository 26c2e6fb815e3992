package com.wapi.analytics.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Probe rounds (webhook, events, API, health) on their own thread while a scenario runs; the answers per path. */
final class Probes implements AutoCloseable {

    private final Map<String, AbuseScenario.Tally> tallies = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    Probes(AbuseTarget target, Duration every) {
        thread = new Thread(() -> {
            while (running) {
                for (AbuseTarget.Answer a : target.probe()) {
                    tally(a.path().startsWith("/api/") ? "/api/v1/..." : a.path()).add(a);
                }
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "abuse-probes");
        thread.start();
    }

    private synchronized AbuseScenario.Tally tally(String path) {
        return tallies.computeIfAbsent(path, AbuseScenario.Tally::new);
    }

    synchronized Collection<AbuseScenario.Tally> tallies() {
        return tallies.values();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }

    long requests() {
        return tallies().stream().mapToLong(t -> t.answers).sum();
    }

    /** Each probe answered 2xx within 2 s. */
    void check(AbuseScenario.Outcome outcome) {
        for (AbuseScenario.Tally t : tallies()) {
            outcome.tried("  beside it: " + t);
            outcome.problemIf(t.ok < t.answers, t.path + ": " + (t.answers - t.ok) + " answer(s) not 2xx");
            outcome.problemIf(t.maxMicros >= 2_000_000, t.path + ": an answer took 2 s or more");
        }
        outcome.requests += requests();
    }
}
