package com.wapi.analytics.server;

import com.wapi.analytics.schema.PostgresMigrator;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** What only {@code scripts/wapi serve} runs: the schema check at start-up and the scheduler. */
@Configuration(proxyBeanMethods = false)
@Profile("serve")
@EnableScheduling
class ServeConfiguration {

    private final PostgresMigrator postgres;

    ServeConfiguration(PostgresMigrator postgres) {
        this.postgres = postgres;
    }

    @Bean
    ApplicationRunner schemaIsCurrent() {
        return args -> {
            int pending = postgres.pendingMigrations();
            if (pending > 0) {
                throw new IllegalStateException("the Postgres schema is " + pending
                        + " migration(s) behind: run `scripts/wapi migrate` first");
            }
            postgres.ensurePartitions();
        };
    }

    /** Keeps raw_events' day partitions two weeks ahead, so inserts never land in the default partition. */
    @Scheduled(cron = "0 17 * * * *", zone = "UTC")
    void createDayPartitions() {
        postgres.ensurePartitions();
    }
}
