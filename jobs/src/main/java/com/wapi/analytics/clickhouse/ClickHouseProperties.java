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

    /** The same server with the {@code default} database, to create the product's database. */
    public String serverUrl() {
        String db = database();
        return url.replaceFirst("/" + java.util.regex.Pattern.quote(db) + "(?=\\?|$)", "/default");
    }
}
