package com.wapi.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MigrateCommandTests extends IntegrationTest {

    @Autowired WapiCommandLine cli;
    @Autowired ClickHouse clickHouse;
    @Autowired JdbcClient db;

    @Test
    void secondMigrateIsANoOp() {
        long applied = clickHouse.sql().sql("SELECT count() FROM schema_migrations").query(Long.class).single();
        CliResult again = CliResult.run(cli, "migrate");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("postgres: up to date", "clickhouse: up to date");
        assertThat(clickHouse.sql().sql("SELECT count() FROM schema_migrations").query(Long.class).single()).isEqualTo(applied);
    }

    @Test
    void rawEventsHasDayPartitionsAhead() {
        long partitions = db.sql("""
                SELECT count(*) FROM pg_inherits WHERE inhparent = 'raw_events'::regclass""").query(Long.class).single();
        assertThat(partitions).isGreaterThanOrEqualTo(PostgresMigrator.PARTITION_DAYS_AHEAD + 1);
    }
}
