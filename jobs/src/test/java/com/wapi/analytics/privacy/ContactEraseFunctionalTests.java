package com.wapi.analytics.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.etl.EtlRunner;
import com.wapi.analytics.etl.EtlScenario;
import com.wapi.analytics.simulate.PlatformEvents;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.tenancy.Setup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasing contact 1 of {@link EtlScenario}: its message (sent, delivered, then read in a body batching four other
 * customers' statuses), its inbound message, a quarantined event naming it and an event not loaded yet.
 */
class ContactEraseFunctionalTests extends IntegrationTest {

    private static final String WS = EtlScenario.WORKSPACE;
    private static final String GONE = EtlScenario.contact(1);
    private static final String KEPT = EtlScenario.contact(2);
    private static final String DAY = "2026-11-23";

    @Autowired WapiCommandLine cli;
    @Autowired EtlRunner etl;
    @Autowired Setup setup;
    @Autowired JdbcClient postgres;
    @Autowired ClickHouse clickHouse;

    @Test
    void erasesTheContactEverywhereAndKeepsEveryoneElse() throws Exception {
        EtlScenario.setUp(setup);
        RawEventsFixture raw = new RawEventsFixture(postgres);
        EtlScenario.land(raw);
        etl.run(null, false, Duration.ZERO).orElseThrow();
        // landed after the load: the etl has not seen it when the contact is erased
        raw.platform(WS, new PlatformEvents(WS).broadcastMessageSent("e-late", EtlScenario.T0.plusSeconds(900),
                "wamid.LATE", GONE, EtlScenario.BROADCAST, "summer_sale"));

        assertThat(delivery()).startsWith(EtlScenario.BROADCAST + ",Summer sale,summer_sale,25,23,19,12,");
        assertThat(recipients()).contains(GONE, KEPT);
        assertThat(quarantinedNaming(GONE)).isEqualTo(1);
        // privacy by default: the customer's words stay out of ClickHouse (wapi.facts.keep-message-text=false)
        assertThat(clickHouse.sql().sql("SELECT text_body FROM inbound_messages").query(String.class).list())
                .containsExactly("");

        CliResult erased = CliResult.run(cli, "contact", "erase", "--workspace", WS, "--contact", GONE,
                "--actor", "dpo@acme.test");

        assertThat(erased.exitCode()).as(erased.err()).isZero();
        assertThat(erased.out()).contains("raw events rewritten", "facts in inbound_messages");
        // ALTER ... DELETE is a mutation; the command returns once ClickHouse has applied it
        assertThat(factRowsNaming(GONE)).isZero();
        assertThat(factRowsNaming(KEPT)).isPositive();
        assertThat(postgres.sql("SELECT count(*) FROM raw_events WHERE position(convert_to(?, 'UTF8') IN body) > 0")
                .param(GONE).query(Long.class).single()).isZero();
        assertThat(quarantinedNaming(GONE)).isZero();
        // the body batching the read statuses of messages 1 to 5 keeps messages 2 to 5
        assertThat(postgres.sql("SELECT count(*) FROM raw_events WHERE position(convert_to(?, 'UTF8') IN body) > 0"
                + " AND position(convert_to('\"read\"', 'UTF8') IN body) > 0").param(KEPT).query(Long.class).single())
                .isEqualTo(1);

        etl.run(null, false, Duration.ZERO).orElseThrow(); // nothing of the contact comes back
        assertThat(factRowsNaming(GONE)).isZero();
        assertThat(delivery()).startsWith(EtlScenario.BROADCAST + ",Summer sale,summer_sale,24,22,18,11,");
        assertThat(recipients()).doesNotContain(GONE).contains(KEPT);

        List<String> audit = postgres.sql("SELECT actor || ' ' || action || ' ' || target || ' ' || after::text "
                + "FROM admin_audit WHERE action = 'contact.erase'").query(String.class).list();
        assertThat(audit).singleElement().satisfies(row -> assertThat(row)
                .startsWith("dpo@acme.test contact.erase contact:sha256:")
                .contains("\"raw_events_deleted\": 6", "\"raw_events_rewritten\": 1", "\"quarantine_deleted\": 1")
                .doesNotContain(GONE));
    }

    @Test
    void badInputExits2NamingTheFixAndChangesNothing() {
        CliResult unknown = CliResult.run(cli, "contact", "erase", "--workspace", "nope", "--contact", GONE);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no workspace 'nope'", "scripts/wapi workspace list");

        CliResult formatted = CliResult.run(cli, "contact", "erase", "--workspace", WS, "--contact", "+91 98765 40001");
        assertThat(formatted.exitCode()).isEqualTo(2);
        assertThat(formatted.err()).contains("wa_id (digits");

        CliResult missing = CliResult.run(cli, "contact", "erase", "--workspace", WS);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--contact");
    }

    private String delivery() {
        CliResult report = CliResult.run(cli, "report", "delivery", "--workspace", WS, "--from", DAY, "--to", DAY,
                "--format", "csv", "--section", "broadcasts");
        assertThat(report.exitCode()).as(report.err()).isZero();
        return report.out().lines().skip(1).findFirst().orElse("");
    }

    private String recipients() {
        CliResult export = CliResult.run(cli, "export", "broadcasts", "--workspace", WS, "--from", DAY, "--to", DAY,
                "--recipients", "--out", "-");
        assertThat(export.exitCode()).as(export.err()).isZero();
        return export.out();
    }

    private long quarantinedNaming(String contact) {
        return postgres.sql("""
                SELECT count(*) FROM quarantine q JOIN raw_events r ON r.id = q.raw_event_id
                 WHERE position(convert_to(?, 'UTF8') IN r.body) > 0""").param(contact).query(Long.class).single();
    }

    private long factRowsNaming(String contact) {
        return clickHouse.sql().sql("""
                SELECT (SELECT count() FROM message_status WHERE contact_id = ?)
                     + (SELECT count() FROM outbound_messages WHERE contact_id = ?)
                     + (SELECT count() FROM inbound_messages WHERE contact_id = ?)""")
                .params(contact, contact, contact).query(Long.class).single();
    }
}
