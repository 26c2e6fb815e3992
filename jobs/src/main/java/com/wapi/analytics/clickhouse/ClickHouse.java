package com.wapi.analytics.clickhouse;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The product's only handle on ClickHouse. Deliberately not a {@link DataSource} bean, so that Postgres stays
 * the one primary data source of Spring Boot (batch repository, transactions). Queries and small writes go through
 * the configured JDBC driver; bulk inserts ({@link #insert}) are posted as TabSeparated to the server's HTTP
 * interface, which every ClickHouse release has, so they do not depend on the driver.
 */
public class ClickHouse implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final String database;
    private final URI httpUrl;
    private final String authorization;
    private final int readTimeoutMillis;
    private final boolean clustered;
    private final String cluster;
    private final ShardUnavailableException.Translator translator;

    public ClickHouse(ClickHouseProperties properties) {
        this(properties, properties.url(), "clickhouse");
    }

    private ClickHouse(ClickHouseProperties properties, String url, String poolName) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName(poolName);
        ds.setDriverClassName(properties.driverClassName());
        ds.setJdbcUrl(url);
        ds.setUsername(properties.user());
        ds.setPassword(properties.password());
        properties.connectionProperties().forEach(ds::addDataSourceProperty);
        if (properties.clustered()) {
            // an insert into a Distributed table returns once every shard has its rows, never later in the background
            ds.addDataSourceProperty("insert_distributed_sync", "1");
        }
        ds.setConnectionTestQuery("SELECT 1");
        ds.setMaximumPoolSize(properties.maximumPoolSize());
        ds.setMinimumIdle(0);
        ds.setInitializationFailTimeout(-1);
        ds.setConnectionTimeout(5000);
        this.dataSource = ds;
        this.database = properties.database();
        this.httpUrl = properties.httpUrl();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (properties.user() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8));
        this.readTimeoutMillis = Integer.parseInt(
                properties.connectionProperties().getOrDefault("socket_timeout", "300000"));
        this.clustered = properties.clustered();
        this.cluster = properties.cluster();
        this.translator = new ShardUnavailableException.Translator(ds);
    }

    /** A short-lived handle on the server's default database, used to create the product's database. */
    static ClickHouse server(ClickHouseProperties properties) {
        return new ClickHouse(properties, properties.serverUrl(), "clickhouse-server");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient sql() {
        return JdbcClient.create(jdbcTemplate());
    }

    /** Errors of an unavailable shard name it ({@link ShardUnavailableException}). */
    public JdbcTemplate jdbcTemplate() {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setExceptionTranslator(translator);
        return template;
    }

    /**
     * Empties a table (a mutation, waited for; on a single server a plain TRUNCATE). On a cluster 18.16 forwards a
     * replicated TRUNCATE to the leader replica without credentials, which a server with passwords refuses.
     */
    public void truncate(String table) {
        if (!clustered) {
            sql().sql("TRUNCATE TABLE " + table).update();
            return;
        }
        delete(table, "1", List.of());
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (mutationsPending(table) && System.nanoTime() < deadline) {
            sleepBriefly();
        }
    }

    /**
     * Starts deleting the rows {@code where} selects ({@code ALTER TABLE ... DELETE}, a mutation ClickHouse applies
     * in the background: see {@link #mutationsPending}). On a cluster a Distributed table's rows sit in its
     * {@code <table>_local} tables, so the mutation goes to those, ON CLUSTER: one replica of each shard takes it
     * and the other replicas apply it from ZooKeeper.
     */
    public void delete(String table, String where, List<?> params) {
        String target = clustered && distributed(table)
                ? database + "." + table + "_local ON CLUSTER " + cluster : table;
        sql().sql("ALTER TABLE " + target + " DELETE WHERE " + where).params(params).update();
    }

    /** Whether a mutation of the table is still being applied (on a cluster: on any shard). */
    public boolean mutationsPending(String table) {
        String mutations = clustered ? "cluster(" + cluster + ", system, mutations)" : "system.mutations";
        return sql().sql("SELECT count() FROM " + mutations + " WHERE database = ? AND table IN (?, ?) AND is_done = 0")
                .params(database, table, table + "_local").query(Long.class).single() > 0;
    }

    private boolean distributed(String table) {
        return sql().sql("SELECT count() FROM system.tables WHERE database = ? AND name = ? AND engine = 'Distributed'")
                .params(database, table).query(Long.class).single() > 0;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a table was emptied", e);
        }
    }

    /**
     * Inserts the rows into the table in one request ({@code INSERT INTO table (columns) FORMAT TabSeparated}).
     * Like any ClickHouse insert it is not transactional: a block either lands whole or fails, and a retried
     * insert lands again (fact tables are ReplacingMergeTree for that).
     *
     * @throws InsertRefusedException when ClickHouse answers with an error
     */
    public void insert(String table, List<String> columns, TabSeparatedRows rows) {
        if (rows.rowCount() > 0) {
            post(table, columns, rows.size(), body -> body.write(rows.buffer(), 0, rows.size()));
        }
    }

    /** Like {@link #insert(String, List, TabSeparatedRows)}, of rows encoded apart: sent one after the other, not copied. */
    public void insert(String table, List<String> columns, List<byte[]> encodedRows) {
        long size = 0;
        for (byte[] rows : encodedRows) {
            size += rows.length;
        }
        if (size > 0) {
            post(table, columns, size, body -> {
                for (byte[] rows : encodedRows) {
                    body.write(rows);
                }
            });
        }
    }

    private interface Body {
        void writeTo(OutputStream body) throws IOException;
    }

    private void post(String table, List<String> columns, long size, Body rows) {
        String query = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") FORMAT TabSeparated";
        URI uri = httpUrl.resolve("?database=" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                + (clustered ? "&insert_distributed_sync=1" : "") + "&query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        try {
            HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection();
            try {
                http.setRequestMethod("POST");
                http.setDoOutput(true);
                http.setConnectTimeout(5000);
                http.setReadTimeout(readTimeoutMillis);
                http.setRequestProperty("Authorization", authorization);
                http.setRequestProperty("Content-Type", "text/tab-separated-values; charset=UTF-8");
                http.setFixedLengthStreamingMode(size);
                try (OutputStream body = new BufferedOutputStream(http.getOutputStream(), 1 << 16)) {
                    rows.writeTo(body);
                }
                int status = http.getResponseCode();
                if (status != 200) {
                    String message = readAll(http.getErrorStream()).strip();
                    throw new InsertRefusedException(table, status,
                            message.length() > 500 ? message.substring(0, 500) + "..." : message);
                }
                readAll(http.getInputStream()); // read to the end, so that the connection is kept alive for the next
            } catch (IOException | RuntimeException e) {
                http.disconnect();
                throw e;
            }
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("ClickHouse at " + httpUrl + " did not take the insert into "
                    + table + ": " + e, e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public String database() {
        return database;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
