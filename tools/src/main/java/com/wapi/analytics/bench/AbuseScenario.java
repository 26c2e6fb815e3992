package com.wapi.analytics.bench;

import java.util.ArrayList;
import java.util.List;

/** One hostile or faulty situation of scripts/abuse, run against the receiver for a bounded time. */
interface AbuseScenario {

    String name();

    Outcome run(AbuseTarget target) throws Exception;

    /** What was tried, what went against the promises, and the figures the RESULT line adds up. */
    final class Outcome {
        final List<String> lines = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        long requests;
        long delayedFacts;
        long emailsTwice;
        long heapGrowthBytes;

        Outcome tried(String line) {
            lines.add(line);
            return this;
        }

        Outcome problemIf(boolean bad, String problem) {
            if (bad) {
                problems.add(problem);
            }
            return this;
        }
    }

    /** The answers of one endpoint during a scenario: how many, how many 2xx, the slowest. */
    final class Tally {
        final String path;
        long answers;
        long ok;
        long maxMicros;
        long unavailableWithRetry;
        long other;

        Tally(String path) {
            this.path = path;
        }

        synchronized void add(AbuseTarget.Answer a) {
            answers++;
            ok += a.ok() ? 1 : 0;
            maxMicros = Math.max(maxMicros, a.micros());
            if (a.status() == 503 && a.retryAfter() != null) {
                unavailableWithRetry++;
            } else if (!a.ok()) {
                other++;
            }
        }

        @Override
        public synchronized String toString() {
            return String.format("%s %d/%d 2xx, slowest %.0f ms", path, ok, answers, maxMicros / 1000.0);
        }
    }
}
