package com.wapi.analytics.support;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.clickhouse.ClickHouseMigrator;
import com.wapi.analytics.clickhouse.ClickHouseProperties;
import com.wapi.analytics.schema.PostgresMigrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Real Postgres and ClickHouse for tests: the servers named by WAPI_PG_URL / WAPI_CH_URL, else the private ones
 * of {@code scripts/services up} (read from .services/env). Every {@link #create()} makes a fresh pair of
 * databases, migrated, that are dropped when the JVM exits. With WAPI_CH_CLUSTER set (scripts/test --cluster), the
 * ClickHouse database is made on that cluster, its facts sharded.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Map<String, String> SETTINGS = settings();

    private TestDatabases() {
    }

    public record Pair(String pgUrl, String pgUser, String pgPassword, ClickHouseProperties clickHouse) {

        public Map<String, String> springProperties() {
            return Map.of("spring.datasource.url", pgUrl, "spring.datasource.username", pgUser,
                    "spring.datasource.password", pgPassword, "wapi.clickhouse.url", clickHouse.url(),
                    "wapi.clickhouse.user", clickHouse.user(), "wapi.clickhouse.password", clickHouse.password(),
                    "wapi.clickhouse.cluster", clickHouse.cluster());
        }

        public JdbcClient postgres() {
            return JdbcClient.create(new DriverManagerDataSource(pgUrl, pgUser, pgPassword));
        }
    }

    public static Pair create() {
        return create(SETTINGS.getOrDefault("WAPI_CH_CLUSTER", ""));
    }

    /** @param cluster empty for the single server, else the cluster of WAPI_CLUSTER_CH_URL (scripts/services up --cluster) */
    public static Pair create(String cluster) {
        String name = "wapi_t_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String pgServer = setting("WAPI_PG_URL");
        String pgUser = setting("WAPI_PG_USER");
        String pgPassword = setting("WAPI_PG_PASSWORD");
        JdbcClient admin = JdbcClient.create(new DriverManagerDataSource(pgServer, pgUser, pgPassword));
        admin.sql("CREATE DATABASE " + name).update();
        String pgUrl = pgServer.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");

        String chServer = setting(cluster.isEmpty() ? "WAPI_CH_URL" : "WAPI_CLUSTER_CH_URL");
        ClickHouseProperties ch = new ClickHouseProperties(chServer.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"),
                setting("WAPI_CH_USER"), SETTINGS.getOrDefault("WAPI_CH_PASSWORD", ""),
                "ru.yandex.clickhouse.ClickHouseDriver", Map.of("compress", "false"), 4, cluster);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, ch, name)));
        new PostgresMigrator(new DriverManagerDataSource(pgUrl, pgUser, pgPassword)).migrate();
        try (ClickHouse clickHouse = new ClickHouse(ch)) {
            new ClickHouseMigrator(ch, clickHouse).migrate();
            if (ch.clustered()) {
                requireDistributed(clickHouse, cluster);
            }
        }
        return new Pair(pgUrl, pgUser, pgPassword, ch);
    }

    /** Proof in the test's output that the facts are sharded: the tests of scripts/test --cluster never run on one node. */
    private static void requireDistributed(ClickHouse clickHouse, String cluster) {
        long shards = clickHouse.sql().sql("SELECT uniqExact(shard_num) FROM system.clusters WHERE cluster = ?")
                .param(cluster).query(Long.class).single();
        String engine = clickHouse.sql().sql("SELECT engine FROM system.tables WHERE database = ? AND name = ?")
                .params(clickHouse.database(), "message_status").query(String.class).single();
        if (shards < 2 || !engine.equals("Distributed")) {
            throw new IllegalStateException("cluster " + cluster + " has " + shards + " shard(s) and message_status is "
                    + engine + ": start the cluster with `scripts/services up --cluster`");
        }
        System.out.println("ClickHouse database " + clickHouse.database() + " on cluster " + cluster + ": message_status "
                + "is Distributed over " + shards + " shards");
    }

    private static void drop(JdbcClient admin, ClickHouseProperties ch, String name) {
        try {
            admin.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
            try (ClickHouse clickHouse = new ClickHouse(ch)) {
                clickHouse.sql().sql("DROP DATABASE IF EXISTS " + name
                        + (ch.clustered() ? " ON CLUSTER " + ch.cluster() : "")).update();
            }
        } catch (RuntimeException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /** host:http port of each node of the cluster, shard by shard (scripts/services up --cluster). */
    public static List<String> clusterNodes() {
        return List.of(setting("CLUSTER_NODES").split(","));
    }

    /** The native (tcp) port of node {@code index} of the cluster, the one its errors name. */
    public static String clusterPorts(int index) {
        return setting("CLUSTER_PORTS").split("/")[index].split(",")[1];
    }

    /** The .services folder of scripts/services. */
    public static Path servicesDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(".services/env"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no .services/env above " + Path.of("").toAbsolutePath()
                    + ": run `scripts/services up`");
        }
        return dir.resolve(".services");
    }

    private static String setting(String key) {
        String value = SETTINGS.get(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not set and .services/env has none: run `scripts/services up` "
                    + "or point " + key + " at a running server");
        }
        return value;
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(".services/env"))) {
            dir = dir.getParent();
        }
        if (dir != null) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(".services/env"));
                for (String line : lines) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        settings.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("WAPI_")) {
                settings.put(k, v);
            }
        });
        return settings;
    }
}
