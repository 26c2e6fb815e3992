package com.wapi.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.readers.errors.MetaErrorCatalogue;
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
    void everyMigrateRefillsTheErrorCatalogue() {
        clickHouse.sql().sql("INSERT INTO meta_error_catalogue (code, label) VALUES (131049, 'stale label')").update();
        CliResult again = CliResult.run(cli, "migrate");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("meta_error_catalogue refilled with " + MetaErrorCatalogue.all().size());
        assertThat(clickHouse.sql().sql("SELECT count() FROM meta_error_catalogue").query(Long.class).single())
                .isEqualTo(MetaErrorCatalogue.all().size());
        assertThat(clickHouse.sql().sql("SELECT label FROM meta_error_catalogue WHERE code = 131049")
                .query(String.class).list()).containsExactly(MetaErrorCatalogue.find(131049).orElseThrow().label())
                .containsExactly("Per-user marketing limit reached");
        assertThat(clickHouse.sql().sql("SELECT retry, retryable FROM meta_error_catalogue WHERE code = 131049")
                .query((rs, i) -> rs.getString(1) + "/" + rs.getInt(2)).single()).isEqualTo("AFTER_24H/1");
    }

    @Test
    void rawEventsHasDayPartitionsAhead() {
        long partitions = db.sql("""
                SELECT count(*) FROM pg_inherits WHERE inhparent = 'raw_events'::regclass""").query(Long.class).single();
        assertThat(partitions).isGreaterThanOrEqualTo(PostgresMigrator.PARTITION_DAYS_AHEAD + 1);
    }
}
