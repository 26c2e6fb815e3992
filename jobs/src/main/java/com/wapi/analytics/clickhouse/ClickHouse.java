package com.wapi.analytics.clickhouse;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The product's only handle on ClickHouse. Deliberately not a {@link DataSource} bean, so that Postgres stays
 * the one primary data source of Spring Boot (batch repository, transactions).
 */
public class ClickHouse implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final String database;

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
        ds.setConnectionTestQuery("SELECT 1");
        ds.setMaximumPoolSize(properties.maximumPoolSize());
        ds.setMinimumIdle(0);
        ds.setInitializationFailTimeout(-1);
        ds.setConnectionTimeout(5000);
        this.dataSource = ds;
        this.database = properties.database();
    }

    /** A short-lived handle on the server's default database, used to create the product's database. */
    static ClickHouse server(ClickHouseProperties properties) {
        return new ClickHouse(properties, properties.serverUrl(), "clickhouse-server");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient sql() {
        return JdbcClient.create(dataSource);
    }

    public JdbcTemplate jdbcTemplate() {
        return new JdbcTemplate(dataSource);
    }

    public String database() {
        return database;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
