package com.wapi.analytics.clickhouse;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Connection settings of ClickHouse. The driver class and its connection properties are configuration,
 * so a deployment on a current ClickHouse can switch from the legacy driver without a code change.
 * {@code cluster} names a cluster of the server's remote_servers: facts are then sharded by workspace over it
 * ({@link ClusterDdl}); empty for a single server.
 */
@ConfigurationProperties("wapi.clickhouse")
public record ClickHouseProperties(String url, String user, String password, String driverClassName,
        Map<String, String> connectionProperties, int maximumPoolSize, String cluster) {

    @ConstructorBinding
    public ClickHouseProperties {
        connectionProperties = connectionProperties == null ? Map.of() : Map.copyOf(connectionProperties);
        password = password == null ? "" : password;
        maximumPoolSize = maximumPoolSize <= 0 ? 8 : maximumPoolSize;
        cluster = cluster == null ? "" : cluster.strip();
        if (!cluster.isEmpty() && !cluster.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("wapi.clickhouse.cluster '" + cluster
                    + "' must be a cluster name of the server's remote_servers (a plain identifier)");
        }
    }

    /** A single server. */
    public ClickHouseProperties(String url, String user, String password, String driverClassName,
            Map<String, String> connectionProperties, int maximumPoolSize) {
        this(url, user, password, driverClassName, connectionProperties, maximumPoolSize, "");
    }

    public boolean clustered() {
        return !cluster.isEmpty();
    }

    /** The database named in the URL's path, e.g. {@code wapi} in jdbc:clickhouse://host:8123/wapi. */
    public String database() {
        String path = url.replaceFirst("^jdbc:[a-z:]+//[^/]+/?", "");
        int query = path.indexOf('?');
        String db = query >= 0 ? path.substring(0, query) : path;
        return db.isBlank() ? "default" : db;
    }

    /**
     * The server's HTTP interface, for bulk inserts: host and port of the JDBC URL (jdbc:clickhouse://host:port/db,
     * jdbc:ch://..., jdbc:clickhouse:https://...); https when the URL says so or has {@code ssl=true}.
     */
    public java.net.URI httpUrl() {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^jdbc:(?:clickhouse|ch)(?::(https?))?://([^/?]+)").matcher(url);
        if (!m.find()) {
            throw new IllegalArgumentException("wapi.clickhouse.url '" + url + "' is not a jdbc:clickhouse:// URL");
        }
        boolean https = "https".equals(m.group(1)) || url.matches(".*[?&]ssl=true(&.*)?$");
        String host = m.group(2).contains(":") ? m.group(2) : m.group(2) + (https ? ":8443" : ":8123");
        return java.net.URI.create((https ? "https://" : "http://") + host + "/");
    }

    /** The same server with the {@code default} database, to create the product's database. */
    public String serverUrl() {
        String db = database();
        return url.replaceFirst("/" + java.util.regex.Pattern.quote(db) + "(?=\\?|$)", "/default");
    }
}
