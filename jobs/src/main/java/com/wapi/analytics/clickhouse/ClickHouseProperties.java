package com.wapi.analytics.clickhouse;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection settings of ClickHouse. The driver class and its connection properties are configuration,
 * so a deployment on a current ClickHouse can switch from the legacy driver without a code change.
 */
@ConfigurationProperties("wapi.clickhouse")
public record ClickHouseProperties(String url, String user, String password, String driverClassName,
        Map<String, String> connectionProperties, int maximumPoolSize) {

    public ClickHouseProperties {
        connectionProperties = connectionProperties == null ? Map.of() : Map.copyOf(connectionProperties);
        password = password == null ? "" : password;
        maximumPoolSize = maximumPoolSize <= 0 ? 8 : maximumPoolSize;
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
