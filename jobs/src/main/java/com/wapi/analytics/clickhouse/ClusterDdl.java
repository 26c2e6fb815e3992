package com.wapi.analytics.clickhouse;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The migration files are single-server SQL; on a cluster ({@code wapi.clickhouse.cluster}) each statement is
 * rewritten here before it runs:
 * <ul>
 * <li>a table with a {@code workspace_id} column becomes {@code <table>_local} ON CLUSTER with the Replicated
 * engine ({@code /clickhouse/tables/{shard}/<db>/<table>}, replica {@code {replica}}), plus {@code <table>} ON
 * CLUSTER as a Distributed table sharded by {@code cityHash64(workspace_id)}: a workspace's rows all sit on one
 * shard, so {@code FINAL} and {@code argMax}, which each shard applies to its own rows, stay exact;</li>
 * <li>a table without it (the error catalogue, settings) is replicated whole to every node (one ZooKeeper path,
 * replica {@code {shard}_{replica}}), so joins with it stay local;</li>
 * <li>a view is created ON CLUSTER, the tables it reads named with their database (18.16 resolves them on each
 * node at creation, where the session's database is not known): they are the Distributed tables;</li>
 * <li>ALTER TABLE runs ON CLUSTER on the local table, and on the Distributed one for column changes.</li>
 * </ul>
 * ZooKeeper paths are explicit: the {@code {database}}/{@code {table}} macros exist only in newer releases.
 */
final class ClusterDdl {

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)^CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s*\\((.*)\\)\\s*ENGINE\\s*=\\s*(\\w*MergeTree)"
                    + "(?:\\s*\\(([^)]*)\\))?(.*)$");
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "(?is)^CREATE\\s+VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+AS\\s+(.*)$");
    private static final Pattern ALTER_TABLE = Pattern.compile("(?is)^ALTER\\s+TABLE\\s+(\\w+)\\s+(.*)$");
    private static final Pattern WORKSPACE_COLUMN = Pattern.compile("(?m)(^|[(,])\\s*workspace_id\\s+\\w");
    private static final Pattern READ_TABLE = Pattern.compile("(?i)\\b(ARRAY\\s+)?(FROM|JOIN)\\s+(\\w+)\\b(?!\\s*[.(])");

    private final String cluster;
    private final String database;

    ClusterDdl(String cluster, String database) {
        this.cluster = cluster;
        this.database = database;
    }

    String createDatabase() {
        return "CREATE DATABASE IF NOT EXISTS " + database + " ON CLUSTER " + cluster;
    }

    /** @param tables the names in the database now, to tell a table a view reads from a column or alias */
    List<String> rewrite(String statement, Set<String> tables) {
        Matcher table = CREATE_TABLE.matcher(statement);
        if (table.matches()) {
            return createTable(table.group(1), table.group(2), table.group(3), table.group(4), table.group(5));
        }
        Matcher view = CREATE_VIEW.matcher(statement);
        if (view.matches()) {
            return List.of("CREATE VIEW IF NOT EXISTS " + database + "." + view.group(1) + " ON CLUSTER " + cluster
                    + " AS " + qualify(view.group(2), tables));
        }
        Matcher alter = ALTER_TABLE.matcher(statement);
        if (alter.matches()) {
            String name = alter.group(1);
            if (!tables.contains(name + "_local")) {
                return List.of(alterOnCluster(name, alter.group(2)));
            }
            return alter.group(2).matches("(?is)\\s*(ADD|DROP|MODIFY|RENAME)\\s+COLUMN.*")
                    ? List.of(alterOnCluster(name + "_local", alter.group(2)), alterOnCluster(name, alter.group(2)))
                    : List.of(alterOnCluster(name + "_local", alter.group(2)));
        }
        return List.of(statement);
    }

    private List<String> createTable(String name, String columns, String engine, String engineArgs, String rest) {
        String args = engineArgs == null || engineArgs.isBlank() ? "" : ", " + engineArgs.strip();
        if (!WORKSPACE_COLUMN.matcher(columns).find()) {
            return List.of(create(name, columns, engine, "'/clickhouse/tables/all/" + database + "/" + name
                    + "', '{shard}_{replica}'" + args, rest));
        }
        return List.of(create(name + "_local", columns, engine, "'/clickhouse/tables/{shard}/" + database + "/" + name
                        + "', '{replica}'" + args, rest),
                "CREATE TABLE IF NOT EXISTS " + database + "." + name + " ON CLUSTER " + cluster + " AS " + database
                        + "." + name + "_local ENGINE = Distributed(" + cluster + ", " + database + ", " + name
                        + "_local, cityHash64(workspace_id))");
    }

    private String create(String name, String columns, String engine, String replicatedArgs, String rest) {
        return "CREATE TABLE IF NOT EXISTS " + database + "." + name + " ON CLUSTER " + cluster + " (" + columns
                + ") ENGINE = Replicated" + engine + "(" + replicatedArgs + ")" + rest;
    }

    private String alterOnCluster(String table, String change) {
        return "ALTER TABLE " + database + "." + table + " ON CLUSTER " + cluster + " " + change;
    }

    private String qualify(String select, Set<String> tables) {
        Matcher m = READ_TABLE.matcher(select);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // ARRAY JOIN takes a column, not a table
            boolean table = m.group(1) == null && tables.contains(m.group(3));
            String replacement = table ? m.group(2) + " " + database + "." + m.group(3) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
