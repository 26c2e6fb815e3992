package com.wapi.analytics.web;

import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.Reports;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs the reports a page needs side by side, so that a page showing several reports answers in about the time of
 * its slowest one rather than their sum.
 */
@Component
class ReportRuns implements AutoCloseable {

    private static final int THREADS = 4;

    private final Reports reports;
    private final ExecutorService pool;

    ReportRuns(Reports reports) {
        this.reports = reports;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "page-reports-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The report, or only the sections named. */
    CompletableFuture<Report> report(String name, ReportPeriod period, String... sections) {
        return async(() -> reports.run(name, period.workspaceId(), period.from(), period.to(), Set.of(sections)));
    }

    <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
