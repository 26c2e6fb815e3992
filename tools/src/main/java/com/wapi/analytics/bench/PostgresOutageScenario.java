package com.wapi.analytics.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Postgres stopped abruptly for a few seconds while webhooks (each for a number not seen before, so the phone look-up
 * runs), events (token look-up) and the API keep coming: every answer must be 2xx or 503 with Retry-After, and
 * every 2xx must be stored (checked with all the others at the end).
 */
final class PostgresOutageScenario implements AbuseScenario {

    private final String stop;
    private final String start;
    private final Duration outage;

    PostgresOutageScenario(String stop, String start, Duration outage) {
        this.stop = stop;
        this.start = start;
        this.outage = outage;
    }

    @Override
    public String name() {
        return "postgres-outage";
    }

    @Override
    public Outcome run(AbuseTarget target) throws Exception {
        Outcome outcome = new Outcome();
        Tally webhooks = new Tally("webhook");
        Tally events = new Tally("/events");
        Tally api = new Tally("/api/v1/...");
        shell(stop);
        long end = System.nanoTime() + outage.toNanos();
        int n = 0;
        while (System.nanoTime() < end) {
            webhooks.add(target.goodWebhook("5550" + target.runKey + n++));
            events.add(target.goodEvent());
            api.add(target.report());
            Thread.sleep(250);
        }
        shell(start);
        long back = System.nanoTime();
        boolean recovered = false;
        while (!recovered && System.nanoTime() - back < 60_000_000_000L) {
            recovered = target.goodWebhook(target.good.phone()).ok();
            Thread.sleep(recovered ? 0 : 500);
        }
        outcome.tried(String.format("Postgres stopped for %d s, then started: first 2xx %.1f s after the start",
                outage.toSeconds(), (System.nanoTime() - back) / 1e9));
        for (Tally t : List.of(webhooks, events, api)) {
            outcome.requests += t.answers;
            outcome.tried(String.format("  %s: %d answers during the outage, %d 2xx, %d 503 with Retry-After, %d other",
                    t.path, t.answers, t.ok, t.unavailableWithRetry, t.other));
            outcome.problemIf(t.other > 0, t.path + ": " + t.other + " answers neither 2xx nor 503 with Retry-After");
            outcome.problemIf(t.unavailableWithRetry == 0, t.path + ": never answered 503 while Postgres was down");
        }
        outcome.problemIf(!recovered, "no webhook was accepted within 60 s of Postgres coming back");
        return outcome;
    }

    private static void shell(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("'" + command + "' failed with exit code " + p.exitValue());
        }
    }
}
