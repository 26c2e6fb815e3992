package com.wapi.analytics.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wapi.analytics.support.TestDatabases;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V15 moves the three send ledgers of before (digest_ledger, campaign_email_ledger, export_ledger) into
 * send_ledger: every row in every state keeps its state, attempts, recipients and error, the emails held before are
 * held after, and the natural keys stay unique.
 */
class SendLedgerMigrationTests {

    static final List<String> STATES = List.of("claimed", "sent", "skipped", "failed", "uncertain");
    static final String LONG_BROADCAST = "bc_" + "x".repeat(5000);

    static JdbcClient admin;
    static String name;
    static DriverManagerDataSource db;
    static JdbcClient sql;

    @BeforeAll
    static void schemaOfV14WithRowsInEveryState() {
        TestDatabases.Pair pair = TestDatabases.create();
        admin = pair.postgres();
        name = "wapi_v14_" + ProcessHandle.current().pid();
        admin.sql("CREATE DATABASE " + name).update();
        db = new DriverManagerDataSource(pair.pgUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), pair.pgUser(),
                pair.pgPassword());
        flyway("14").migrate();
        sql = JdbcClient.create(db);
        sql.sql("INSERT INTO organizations (id, name, time_zone, owner_email) VALUES ('acme', 'Acme', 'UTC', 'o@acme.test')").update();
        sql.sql("INSERT INTO workspaces (id, organization_id, name) VALUES ('ws1', 'acme', 'One')").update();
        long subscription = sql.sql("""
                INSERT INTO export_subscriptions (workspace_id, email, kind, cadence)
                VALUES ('ws1', 'm@acme.test', 'broadcasts', 'weekly') RETURNING id""").query(Long.class).single();
        for (int i = 0; i < STATES.size(); i++) {
            String state = STATES.get(i);
            LocalDate day = LocalDate.parse("2026-11-01").plusDays(i);
            sql.sql("""
                    INSERT INTO digest_ledger (organization_id, digest_date, state, recipient, message_id, attempts, last_error)
                    VALUES ('acme', ?, ?, 'o@acme.test', ?, ?, ?)""")
                    .params(day, state, "<digest.acme." + day + "@wapi-analytics>", i + 1, "error " + state).update();
            sql.sql("""
                    INSERT INTO campaign_email_ledger (workspace_id, broadcast_id, state, recipients, message_id, attempts)
                    VALUES ('ws1', ?, ?, 'a@acme.test,b@acme.test', 'm', ?)""")
                    .params(state.equals("uncertain") ? LONG_BROADCAST : "bc_" + state, state, i + 1).update();
            sql.sql("""
                    INSERT INTO export_ledger (subscription_id, period_start, period_end, state, rows_exported, attempts)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(subscription, day.plusWeeks(i), day.plusWeeks(i).plusDays(6), state,
                            state.equals("skipped") ? null : 10L * i, i + 1).update();
        }
        flyway(null).migrate();
    }

    @AfterAll
    static void drop() {
        admin.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
    }

    @Test
    void everyRowKeepsItsStateAttemptsAndRecipients() {
        assertThat(sql.sql("""
                SELECT kind || ' ' || state || ' ' || attempts || ' ' || coalesce(recipients, '-') FROM send_ledger
                 ORDER BY kind, attempts""").query(String.class).list()).containsExactly(
                "campaign claimed 1 a@acme.test,b@acme.test", "campaign sent 2 a@acme.test,b@acme.test",
                "campaign skipped 3 a@acme.test,b@acme.test", "campaign failed 4 a@acme.test,b@acme.test",
                "campaign uncertain 5 a@acme.test,b@acme.test",
                "digest claimed 1 o@acme.test", "digest sent 2 o@acme.test", "digest skipped 3 o@acme.test",
                "digest failed 4 o@acme.test", "digest uncertain 5 o@acme.test",
                "export claimed 1 m@acme.test", "export sent 2 m@acme.test", "export skipped 3 m@acme.test",
                "export failed 4 m@acme.test", "export uncertain 5 m@acme.test");
        assertThat(sql.sql("SELECT detail FROM send_ledger WHERE kind = 'export' ORDER BY subject").query(String.class).list())
                .containsExactly("period 2026-11-01..2026-11-07, 0 rows", "period 2026-11-09..2026-11-15, 10 rows",
                        "period 2026-11-17..2026-11-23", "period 2026-11-25..2026-12-01, 30 rows",
                        "period 2026-12-03..2026-12-09, 40 rows");
        assertThat(sql.sql("SELECT last_error FROM send_ledger WHERE kind = 'digest' AND subject = '2026-11-04'")
                .query(String.class).single()).isEqualTo("error failed");
    }

    @Test
    void theLedgerFindsEachEmailByItsKeyAndHoldsTheSameOnes() {
        SendLedger ledger = new SendLedger(sql);
        assertThat(ledger.state(HeldEmails.digest("acme", LocalDate.parse("2026-11-02")).key())).contains(SendOnce.State.sent);
        assertThat(ledger.state(HeldEmails.campaign("ws1", LONG_BROADCAST).key())).contains(SendOnce.State.uncertain);
        String subscription = sql.sql("SELECT id::text FROM export_subscriptions").query(String.class).single();
        assertThat(ledger.uncertain()).extracting(u -> u.key().kind() + " " + u.key().scope() + " " + u.key().subject().length())
                .containsExactlyInAnyOrder("digest acme 10", "campaign ws1 " + LONG_BROADCAST.length(),
                        "export " + subscription + " 10");
        Map<SendLedger.Key, SendOnce.State> campaigns = ledger.states(SendLedger.Kind.campaign, List.of("ws1"));
        assertThat(campaigns).hasSize(STATES.size()).containsEntry(HeldEmails.campaign("ws1", "bc_failed").key(),
                SendOnce.State.failed);
    }

    @Test
    void aSecondRowForTheSameEmailIsRefused() {
        assertThatThrownBy(() -> sql.sql("INSERT INTO send_ledger (kind, scope, subject, state) VALUES ('campaign', 'ws1', ?, 'claimed')")
                .param(LONG_BROADCAST).update()).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> sql.sql("INSERT INTO send_ledger (kind, scope, subject, state) VALUES ('digest', 'acme', '2026-11-01', 'sent')")
                .update()).isInstanceOf(DuplicateKeyException.class);
        assertThat(sql.sql("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '%\\_ledger' AND table_name <> 'send_ledger'")
                .query(Long.class).single()).isZero();
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/postgres");
        return (target == null ? config : config.target(target)).load();
    }
}
