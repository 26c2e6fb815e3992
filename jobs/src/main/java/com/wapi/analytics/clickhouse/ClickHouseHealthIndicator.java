package com.wapi.analytics.clickhouse;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

@Component("clickhouse")
class ClickHouseHealthIndicator extends AbstractHealthIndicator {

    private final ClickHouse clickHouse;

    ClickHouseHealthIndicator(ClickHouse clickHouse) {
        super("ClickHouse health check failed");
        this.clickHouse = clickHouse;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String version = clickHouse.sql().sql("SELECT version()").query(String.class).single();
        builder.up().withDetail("version", version).withDetail("database", clickHouse.database());
    }
}
