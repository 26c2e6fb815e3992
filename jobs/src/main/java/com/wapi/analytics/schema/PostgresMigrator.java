package com.wapi.analytics.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Applies the Flyway migrations of db/postgres and keeps raw_events' day partitions created ahead. */
@Component
public class PostgresMigrator {

    static final int PARTITION_DAYS_BEHIND = 1;
    static final int PARTITION_DAYS_AHEAD = 14;

    private final DataSource dataSource;

    public PostgresMigrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public MigrateResult migrate() {
        MigrateResult result = flyway().migrate();
        ensurePartitions();
        return result;
    }

    public int pendingMigrations() {
        return flyway().info().pending().length;
    }

    public int ensurePartitions() {
        return JdbcClient.create(dataSource)
                .sql("SELECT ensure_raw_event_partitions((now() AT TIME ZONE 'UTC')::date - ?, ?)")
                .params(PARTITION_DAYS_BEHIND, PARTITION_DAYS_BEHIND + PARTITION_DAYS_AHEAD)
                .query(Integer.class).single();
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/postgres")
                .failOnMissingLocations(true).load();
    }
}
