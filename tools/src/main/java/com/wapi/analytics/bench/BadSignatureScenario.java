package com.wapi.analytics.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Threads posting webhooks with wrong signatures as fast as they can, beside the probes' good traffic. */
final class BadSignatureScenario implements AbuseScenario {

    private final int threads;
    private final Duration length;

    BadSignatureScenario(int threads, Duration length) {
        this.threads = threads;
        this.length = length;
    }

    @Override
    public String name() {
        return "bad-signature-flood";
    }

    @Override
    public Outcome run(AbuseTarget target) throws Exception {
        Outcome outcome = new Outcome();
        AtomicLong sent = new AtomicLong();
        AtomicLong unauthorized = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"pad\":\"" + "x".repeat(2000) + "\"}").getBytes();
        List<Thread> flood = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    sent.incrementAndGet();
                    unauthorized.addAndGet(target.webhook(body, "sha256=" + "0".repeat(64)).status() == 401 ? 1 : 0);
                }
            }, "bad-signature-" + i);
            t.start();
            flood.add(t);
        }
        try (Probes probes = new Probes(target, Duration.ofMillis(200))) {
            for (Thread t : flood) {
                t.join();
            }
            probes.check(outcome);
        }
        outcome.requests += sent.get();
        outcome.tried(String.format("%d threads for %d s: %d badly signed webhooks, %d answered 401", threads,
                length.toSeconds(), sent.get(), unauthorized.get()));
        outcome.problemIf(unauthorized.get() < sent.get(), (sent.get() - unauthorized.get()) + " bad signatures not answered 401");
        return outcome;
    }
}
