package com.wapi.analytics.clickhouse;

import com.wapi.analytics.readers.errors.MetaErrorCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the numbered DDL files of clickhouse/ in order and records each in {@code schema_migrations}; a file
 * applied before is skipped, a file whose statements changed after it was applied is an error. A file's checksum
 * covers its statements and its {@code requires} line, not its comments or layout, so comments can be corrected.
 * A file whose first lines say {@code -- requires: clickhouse >= 20.3} is recorded as skipped on older servers
 * (modern-only niceties).
 */
@Component
public class ClickHouseMigrator {

    private static final Pattern FILE_NAME = Pattern.compile("(\\d+)_([\\w-]+)\\.sql");
    private static final Pattern REQUIRES = Pattern.compile("(?m)^--\\s*requires:\\s*clickhouse\\s*>=\\s*([\\d.]+)");
    /**
     * Checksums of the whole text, as installations migrated before checksums ignored comments recorded them, of
     * files whose comments were corrected since (003 and 004 named docs/definitions.md's former home).
     */
    private static final Map<Integer, String> TEXT_CHECKSUMS_BEFORE_COMMENT_FIXES = Map.of(
            3, "a6cee7f71e3fbf463cc5cf0ce1a05954d0310ce89a39e7276fd6d94ee4d36dd6",
            4, "caddb9dfcda93fbfb92a3c4881be316eb7b801b55e6835b940b5d804b36881ef");

    private final ClickHouseProperties properties;
    private final ClickHouse clickHouse;

    public ClickHouseMigrator(ClickHouseProperties properties, ClickHouse clickHouse) {
        this.properties = properties;
        this.clickHouse = clickHouse;
    }

    public record Migration(int version, String name, String sql, String checksum) {

        String fileName() {
            return String.format("%03d_%s.sql", version, name);
        }

        /** Whether {@code recorded} is this file's checksum, or the whole-text one of an older installation. */
        boolean recordedAs(String recorded) {
            return recorded.equals(checksum) || recorded.equals(sha256(sql))
                    || recorded.equals(TEXT_CHECKSUMS_BEFORE_COMMENT_FIXES.get(version));
        }
    }

    /** @param errorCodes rows of meta_error_catalogue after the refill */
    public record Outcome(List<String> applied, List<String> skipped, int errorCodes) {
    }

    public Outcome migrate() {
        try (ClickHouse server = ClickHouse.server(properties)) {
            server.sql().sql(properties.clustered() ? cluster().createDatabase()
                    : "CREATE DATABASE IF NOT EXISTS " + identifier(properties.database())).update();
        }
        forLayout("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version UInt32, name String, checksum String, status String, applied_at DateTime('UTC')
                ) ENGINE = MergeTree ORDER BY version""").forEach(statement -> clickHouse.sql().sql(statement).update());
        Map<Integer, String> done = clickHouse.sql()
                .sql("SELECT version, checksum FROM schema_migrations")
                .query((rs, i) -> Map.entry(rs.getInt(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        String serverVersion = clickHouse.sql().sql("SELECT version()").query(String.class).single();
        List<String> applied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Migration migration : migrations()) {
            String label = migration.fileName();
            String previous = done.get(migration.version());
            if (previous != null) {
                if (!migration.recordedAs(previous)) {
                    throw new IllegalStateException("clickhouse/" + label + " changed after it was applied; "
                            + "add a new numbered file instead of editing an applied one");
                }
                continue;
            }
            String status = "applied";
            if (!supports(serverVersion, migration.sql())) {
                status = "skipped";
                skipped.add(label);
            } else {
                for (String statement : statements(migration.sql())) {
                    forLayout(statement).forEach(s -> clickHouse.sql().sql(s).update());
                }
                applied.add(label);
            }
            clickHouse.sql().sql("INSERT INTO schema_migrations VALUES (?, ?, ?, ?, now())")
                    .params(migration.version(), migration.name(), migration.checksum(), status).update();
        }
        return new Outcome(applied, skipped, loadErrorCatalogue());
    }

    /**
     * Replaces the rows of meta_error_catalogue (clickhouse/001_error_catalogue.sql) with etl-readers' catalogue, so that
     * analysts join failure codes to the labels and fixes the product shows. Runs on every migrate: a newer
     * catalogue replaces the old one; running it twice leaves the same rows. A range row (200-299) has its first code.
     */
    int loadErrorCatalogue() {
        List<Object[]> rows = MetaErrorCatalogue.all().stream()
                .map(e -> new Object[] {e.code(), e.title(), e.label(), e.category(), e.retry().name(),
                        e.retry().retryable() ? 1 : 0, e.fix()})
                .toList();
        clickHouse.truncate("meta_error_catalogue");
        clickHouse.jdbcTemplate().batchUpdate("INSERT INTO meta_error_catalogue "
                + "(code, title, label, category, retry, retryable, fix) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        return rows.size();
    }

    /** The statement itself on a single server; on a cluster, its rewriting by {@link ClusterDdl}. */
    private List<String> forLayout(String statement) {
        if (!properties.clustered()) {
            return List.of(statement);
        }
        Set<String> tables = new HashSet<>(clickHouse.sql().sql("SELECT name FROM system.tables WHERE database = ?")
                .param(properties.database()).query(String.class).list());
        return cluster().rewrite(statement, tables);
    }

    private ClusterDdl cluster() {
        return new ClusterDdl(properties.cluster(), identifier(properties.database()));
    }

    /** The files of clickhouse/ in order of their numbers. */
    public static List<Migration> migrations() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:clickhouse/*.sql");
            List<Migration> migrations = new ArrayList<>();
            for (Resource resource : resources) {
                Matcher m = FILE_NAME.matcher(resource.getFilename());
                if (!m.matches()) {
                    throw new IllegalStateException("clickhouse/" + resource.getFilename()
                            + " is not named NNN_name.sql");
                }
                String sql = resource.getContentAsString(StandardCharsets.UTF_8);
                migrations.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), sql, checksum(sql)));
            }
            migrations.sort(Comparator.comparingInt(Migration::version));
            return migrations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a file into statements at semicolons that end a line; drops comment-only lines. */
    static List<String> statements(String sql) {
        String withoutComments = sql.lines().filter(l -> !l.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";\\s*(\\n|$)"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The checksum of what a file does: its statements and requirement, whitespace runs read as one space. */
    static String checksum(String sql) {
        Matcher requires = REQUIRES.matcher(sql);
        String requirement = requires.find() ? "requires " + requires.group(1) + "\n" : "";
        return sha256(requirement + statements(sql).stream().map(s -> s.replaceAll("\\s+", " "))
                .collect(Collectors.joining(";\n")));
    }

    static boolean supports(String serverVersion, String sql) {
        Matcher m = REQUIRES.matcher(sql);
        return !m.find() || compareVersions(serverVersion, m.group(1)) >= 0;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i].replaceAll("\\D", "0")) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i].replaceAll("\\D", "0")) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    private static String identifier(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("ClickHouse database name '" + name + "' must be a plain identifier");
        }
        return name;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
