package com.wapi.analytics.report;

import com.wapi.analytics.clickhouse.ClickHouse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/**
 * Report queries on the ClickHouse views, scoped to one workspace and one period: every statement binds
 * :workspace, :from and :to (UTC bounds of the local days). A report's independent queries can run side by side
 * ({@link #async}), so that it answers in about the time of its slowest query rather than their sum.
 */
@Component
public class FactQueries implements DisposableBean {

    private static final int THREADS = 4;

    private final ClickHouse clickHouse;
    private final ExecutorService pool;

    public FactQueries(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "report-queries-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public StatementSpec sql(String sql, ReportPeriod period) {
        return clickHouse.sql().sql(sql)
                .param("workspace", period.workspaceId())
                .param("from", period.utcFrom())
                .param("to", period.utcTo());
    }

    /** Runs {@code query} beside the caller; it must not wait for other {@code async} work. */
    public <T> CompletableFuture<T> async(Supplier<T> query) {
        return CompletableFuture.supplyAsync(query, pool);
    }

    /** The statement's rows, read beside the caller. */
    public <T> CompletableFuture<List<T>> rows(StatementSpec statement, RowMapper<T> row) {
        return async(() -> statement.query(row).list());
    }

    /** The result, with the query's own exception (a bad input stays a bad input). */
    public static <T> T get(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
