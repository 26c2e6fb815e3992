package com.wapi.analytics.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * A Postgres advisory lock per job name: at most one holder across every process on the same database.
 * Held on its own connection for as long as the job runs; released when that connection closes, so a killed
 * process never leaves it behind.
 */
@Component
public class JobLock {

    private final DataSource dataSource;

    public JobLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Tries for up to {@code wait}; empty if another process holds the lock all that time. */
    public Optional<Held> tryAcquire(String jobName, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            Connection held = connection;
            while (true) {
                if (tryLock(connection, jobName)) {
                    return Optional.of(() -> release(held, jobName));
                }
                if (System.nanoTime() >= deadline) {
                    connection.close();
                    return Optional.empty();
                }
                Thread.sleep(200);
            }
        } catch (SQLException | InterruptedException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not take the " + jobName + " job lock: " + e.getMessage(), e);
        }
    }

    private static boolean tryLock(Connection connection, String jobName) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            st.setString(1, "wapi-job:" + jobName);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void release(Connection connection, String jobName) {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            st.setString(1, "wapi-job:" + jobName);
            st.execute();
        } catch (SQLException ignored) {
            // the lock goes with the connection anyway
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
