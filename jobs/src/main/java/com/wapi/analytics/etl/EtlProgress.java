package com.wapi.analytics.etl;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Logs a long run's progress every few seconds: events done, quarantined, rate and ETA. */
class EtlProgress implements StepExecutionListener, ItemWriteListener<LoadedEvent> {

    private static final Logger log = LoggerFactory.getLogger("etl");
    private static final long INTERVAL_NANOS = Duration.ofSeconds(3).toNanos();

    private volatile long expected;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private volatile long started;
    private final AtomicLong lastReport = new AtomicLong();
    private volatile long jobExecutionId = -1;

    /** Partitions of one run share the counters; a new run resets them. */
    @Override
    public synchronized void beforeStep(StepExecution stepExecution) {
        long job = stepExecution.getJobExecutionId();
        if (job != jobExecutionId) {
            jobExecutionId = job;
            var params = stepExecution.getJobExecution().getJobParameters();
            Long from = params.getLong(EtlJobConfiguration.FROM_ID);
            Long until = params.getLong(EtlJobConfiguration.UNTIL_ID);
            expected = from == null || until == null ? 0 : until - from;
            done.set(0);
            quarantined.set(0);
            started = System.nanoTime();
            lastReport.set(started);
        }
    }

    @Override
    public void afterWrite(Chunk<? extends LoadedEvent> chunk) {
        long total = done.addAndGet(chunk.size());
        for (LoadedEvent event : chunk) {
            if (event.isQuarantined()) {
                quarantined.incrementAndGet();
            }
        }
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
            long done = total;
            long quarantined = this.quarantined.get();
            double seconds = (now - started) / 1e9;
            double rate = done / Math.max(seconds, 1e-3);
            String eta = expected > done && rate > 0 ? formatDuration((long) ((expected - done) / rate)) : "-";
            log.info("{} / ~{} events ({}%), {} quarantined, {} events/s, ETA {}", done, expected,
                    expected == 0 ? 100 : Math.min(100, done * 100 / expected), quarantined, Math.round(rate), eta);
        }
    }

    private static String formatDuration(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
