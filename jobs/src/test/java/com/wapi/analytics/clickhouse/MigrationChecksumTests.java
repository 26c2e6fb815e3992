package com.wapi.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wapi.analytics.clickhouse.ClickHouseMigrator.Migration;
import com.wapi.analytics.support.IntegrationTest;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Applied ClickHouse files are checksummed by what they do: comments and layout can be corrected, a changed statement
 * is refused, and installations whose checksums were taken over the whole text (before) keep migrating.
 */
class MigrationChecksumTests extends IntegrationTest {

    @Autowired ClickHouse clickHouse;
    @Autowired ClickHouseMigrator migrator;

    @Test
    void commentsAndLayoutAreNoChangeButStatementsAndRequirementsAre() {
        String sql = "-- requires: clickhouse >= 20.3\n-- a view\nCREATE VIEW v AS\n    SELECT 1;\n";
        assertThat(ClickHouseMigrator.checksum("-- requires: clickhouse >= 20.3\n-- the view, explained\n\n"
                + "CREATE VIEW v AS SELECT  1;")).isEqualTo(ClickHouseMigrator.checksum(sql));
        assertThat(ClickHouseMigrator.checksum(sql.replace("SELECT 1", "SELECT 2")))
                .isNotEqualTo(ClickHouseMigrator.checksum(sql));
        assertThat(ClickHouseMigrator.checksum(sql.replace("20.3", "21.8")))
                .isNotEqualTo(ClickHouseMigrator.checksum(sql));
    }

    /** As installed before: every file with the checksum of its whole text then (003 and 004 before their fix). */
    @Test
    void anInstallationWithWholeTextChecksumsKeepsMigrating() {
        record(migration -> ClickHouseMigrator.sha256(migration.version() == 3 || migration.version() == 4
                ? migration.sql().replaceFirst("docs/definitions\\.md", "DESIGN.md section 4") : migration.sql()));

        assertThat(migrator.migrate().applied()).isEmpty();
    }

    @Test
    void aChangedStatementOfAnAppliedFileIsRefused() {
        record(migration -> ClickHouseMigrator.checksum(migration.version() == 1
                ? migration.sql().replace("title      String", "title      FixedString(8)") : migration.sql()));

        assertThatThrownBy(migrator::migrate).hasMessageContaining("001_error_catalogue.sql changed after it was applied");
    }

    /** Replaces the recorded rows with {@code checksum}'s, 001 under its former name (database). */
    private void record(Function<Migration, String> checksum) {
        clickHouse.sql().sql("TRUNCATE TABLE schema_migrations").update();
        for (Migration migration : ClickHouseMigrator.migrations()) {
            clickHouse.sql().sql("INSERT INTO schema_migrations VALUES (?, ?, ?, 'applied', now())")
                    .params(migration.version(), migration.version() == 1 ? "database" : migration.name(),
                            checksum.apply(migration)).update();
        }
    }
}
