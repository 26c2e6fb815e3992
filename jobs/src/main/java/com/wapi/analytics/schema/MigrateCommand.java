package com.wapi.analytics.schema;

import com.wapi.analytics.clickhouse.ClickHouseMigrator;
import com.wapi.analytics.report.AttributionWindows;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Apply the Postgres (Flyway) and ClickHouse (clickhouse/NNN_*.sql) schemas.",
                "Safe to run again: what was applied before is skipped."})
public class MigrateCommand implements Callable<Integer> {

    private final PostgresMigrator postgres;
    private final ClickHouseMigrator clickHouse;
    private final AttributionWindows attributionWindows;

    @Spec
    CommandSpec spec;

    public MigrateCommand(PostgresMigrator postgres, ClickHouseMigrator clickHouse, AttributionWindows attributionWindows) {
        this.postgres = postgres;
        this.clickHouse = clickHouse;
        this.attributionWindows = attributionWindows;
    }

    @Override
    public Integer call() {
        MigrateResult pg = postgres.migrate();
        ClickHouseMigrator.Outcome ch = clickHouse.migrate();
        var out = spec.commandLine().getOut();
        out.printf("postgres: %s%n", pg.migrationsExecuted == 0 ? "up to date (version " + pg.initialSchemaVersion + ")"
                : pg.migrationsExecuted + " migration(s) applied, now at version " + pg.targetSchemaVersion);
        out.printf("clickhouse: %s%n", ch.applied().isEmpty() ? "up to date"
                : ch.applied().size() + " file(s) applied: " + String.join(", ", ch.applied()));
        if (!ch.skipped().isEmpty()) {
            out.printf("clickhouse: skipped on this server version: %s%n", String.join(", ", ch.skipped()));
        }
        out.printf("clickhouse: meta_error_catalogue refilled with %d error codes%n", ch.errorCodes());
        attributionWindows.store();
        out.printf("clickhouse: %s%n", attributionWindows.definition());
        return 0;
    }
}
