package com.wapi.analytics.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.IntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three days of raw events: 40 days ago (loaded, one of them quarantined), 35 days ago (one event the etl has not
 * loaded) and yesterday. With the default 30 days, only the day 40 days ago may go.
 */
class RetentionFunctionalTests extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate LOADED_DAY = TODAY.minusDays(40);
    private static final LocalDate UNLOADED_DAY = TODAY.minusDays(35);

    @Autowired WapiCommandLine cli;
    @Autowired JdbcClient postgres;

    @Test
    void dropsOnlyWholeLoadedDaysAndDryRunChangesNothing() {
        postgres.sql("SELECT ensure_raw_event_partitions(?, 7)").param(LOADED_DAY).query(Integer.class).single();
        long loaded = land(LOADED_DAY, "k-loaded");
        long quarantined = land(LOADED_DAY, "k-quarantined");
        postgres.sql("INSERT INTO quarantine (raw_event_id, workspace_id, reason, detail) VALUES (?, 'w', 'bad_json', 'x')")
                .param(quarantined).update();
        postgres.sql("INSERT INTO etl_watermark (name, last_id) VALUES ('etl', ?)").param(quarantined).update();
        land(UNLOADED_DAY, "k-unloaded"); // id above the watermark
        land(TODAY.minusDays(1), "k-recent");
        String before = state();

        CliResult dry = CliResult.run(cli, "retention", "--dry-run");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).containsPattern(LOADED_DAY + "\\s+2\\s+0\\s+would drop")
                .containsPattern(UNLOADED_DAY + "\\s+1\\s+1\\s+kept: events not loaded yet")
                .contains("quarantine entries that would go: 1; dedup keys that would go: 2");
        assertThat(state()).isEqualTo(before);
        assertThat(postgres.sql("SELECT count(*) FROM admin_audit").query(Long.class).single()).isZero();

        CliResult run = CliResult.run(cli, "retention", "--actor", "ops@acme.test");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern(LOADED_DAY + "\\s+2\\s+0\\s+dropped");
        assertThat(partition(LOADED_DAY)).isFalse();
        assertThat(partition(UNLOADED_DAY)).isTrue();
        assertThat(postgres.sql("SELECT count(*) FROM raw_events WHERE id = ?").param(loaded).query(Long.class).single())
                .isZero();
        assertThat(keys()).containsExactly("k-recent", "k-unloaded");
        assertThat(postgres.sql("SELECT count(*) FROM quarantine").query(Long.class).single()).isZero();
        assertThat(postgres.sql("SELECT actor || ' ' || action || ' ' || after::text FROM admin_audit")
                .query(String.class).single())
                .startsWith("ops@acme.test retention.run")
                .contains("\"partitions_dropped\": [\"" + LOADED_DAY + "\"", "\"dedup_keys_deleted\": 2");

        // once loaded, the day 35 days ago goes too
        postgres.sql("UPDATE etl_watermark SET last_id = (SELECT max(id) FROM raw_events)").update();
        assertThat(CliResult.run(cli, "retention").exitCode()).isZero();
        assertThat(partition(UNLOADED_DAY)).isFalse();
        assertThat(keys()).containsExactly("k-recent");
    }

    @Test
    void badInputExits2NamingTheFix() {
        CliResult zero = CliResult.run(cli, "retention", "--raw-days", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--raw-days is 0: give at least 1");

        CliResult word = CliResult.run(cli, "retention", "--raw-days", "month");
        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.err()).contains("--raw-days");
    }

    private long land(LocalDate day, String key) {
        OffsetDateTime at = day.atTime(12, 0).atOffset(ZoneOffset.UTC);
        postgres.sql("INSERT INTO raw_event_keys (dedup_key, received_at) VALUES (raw_event_key(?), ?)").params(key, at).update();
        return postgres.sql("""
                INSERT INTO raw_events (received_at, source, workspace_id, body)
                VALUES (?, 'platform', 'w', '{}'::bytea) RETURNING id""").param(at).query(Long.class).single();
    }

    private boolean partition(LocalDate day) {
        return postgres.sql("SELECT to_regclass(?) IS NOT NULL")
                .param("raw_events_" + day.format(DateTimeFormatter.BASIC_ISO_DATE)).query(Boolean.class).single();
    }

    private List<String> keys() {
        return postgres.sql("""
                SELECT k FROM unnest(ARRAY['k-loaded', 'k-quarantined', 'k-unloaded', 'k-recent']) k
                 WHERE raw_event_key(k) IN (SELECT dedup_key FROM raw_event_keys) ORDER BY k""").query(String.class).list();
    }

    private String state() {
        return postgres.sql("""
                SELECT (SELECT count(*) FROM raw_events) || ' ' || (SELECT count(*) FROM raw_event_keys) || ' '
                    || (SELECT count(*) FROM quarantine) || ' '
                    || (SELECT count(*) FROM pg_inherits WHERE inhparent = 'raw_events'::regclass)""")
                .query(String.class).single();
    }
}
