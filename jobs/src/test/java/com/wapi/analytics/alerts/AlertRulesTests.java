package com.wapi.analytics.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.report.ErrorLabels;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.FactsFixture;
import com.wapi.analytics.support.MailIntegrationTest;
import com.wapi.analytics.support.MailParts;
import com.wapi.analytics.support.Mailboxes;
import com.wapi.analytics.tenancy.Member;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each alert rule on a crafted scenario: it opens once, does not reopen on the next evaluations, resolves when the
 * condition ends, and the workspace's admins get one email when it opens and one when it resolves.
 */
class AlertRulesTests extends MailIntegrationTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Autowired Setup setup;
    @Autowired JdbcClient db;
    @Autowired ClickHouse clickHouse;
    @Autowired WapiCommandLine cli;

    @Test
    void deliveryRateDropAgainstTheWorkspacesOwnBaseline() throws Exception {
        workspace("dd");
        set("dd-ws", "--min-volume", "20", "--delivery-drop-points", "10", "--delivery-window", "3h");
        FactsFixture facts = new FactsFixture(clickHouse);
        // baseline: 40 messages over the 7 days before the window, 38 delivered (95%)
        for (int i = 0; i < 40; i++) {
            facts.message("dd-ws", "api", "", "wamid.b" + i, NOW.minus(Duration.ofHours(6 + i * 3L)), i < 38 ? "delivered" : "failed", 131026);
        }
        // the window (the 3 hours up to 15 minutes ago): 20 messages, 12 delivered (60%)
        for (int i = 0; i < 20; i++) {
            facts.message("dd-ws", "api", "", "wamid.w" + i, NOW.minus(Duration.ofMinutes(30 + i * 5L)), i < 12 ? "delivered" : "failed", 131026);
        }
        // 19 sent within the last 15 minutes and not delivered yet: too fresh to judge, not counted
        for (int i = 0; i < 19; i++) {
            facts.message("dd-ws", "api", "", "wamid.f" + i, NOW.minus(Duration.ofMinutes(5)), "sent", 0);
        }

        assertThat(evaluate("dd-ws", NOW)).contains("dd-ws delivery_drop delivery: OPENED: delivery rate 60.0% of 20 targeted")
                .contains("95.0% of 40").contains("35.0 points lower").contains("dd-ws email opened");
        assertThat(evaluate("dd-ws", NOW.plusSeconds(300))).doesNotContain("OPENED").doesNotContain("email");
        assertThat(openIncidents("dd-ws")).containsExactly("delivery_drop delivery");

        // four hours later the window holds 25 messages, all delivered
        for (int i = 0; i < 25; i++) {
            facts.message("dd-ws", "api", "", "wamid.r" + i, NOW.plus(Duration.ofMinutes(120 + i)), "delivered", 0);
        }
        assertThat(evaluate("dd-ws", NOW.plus(Duration.ofHours(4)))).contains("dd-ws delivery_drop delivery: RESOLVED: "
                + "delivery rate 100.0% of 25 targeted").contains("dd-ws email resolved");
        assertThat(evaluate("dd-ws", NOW.plus(Duration.ofHours(4)).plusSeconds(300))).doesNotContain("RESOLVED").doesNotContain("email");
        assertThat(openIncidents("dd-ws")).isEmpty();

        List<MimeMessage> mails = mailsTo("admin-dd@example.test");
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactly(
                "Alert: Delivery rate drop · Sales dd · delivery", "Resolved: Delivery rate drop · Sales dd · delivery");
        assertThat(mailsTo("org-admin-dd@example.test")).hasSize(2);
        assertThat(mailsTo("agent-dd@example.test")).isEmpty();
    }

    @Test
    void belowTheMinimumVolumeNobodyIsPaged() throws Exception {
        workspace("small");
        FactsFixture facts = new FactsFixture(clickHouse);
        for (int i = 0; i < 30; i++) {
            facts.message("small-ws", "api", "", "wamid.s" + i, NOW.minus(Duration.ofHours(6 + i)), "delivered", 0);
        }
        for (int i = 0; i < 10; i++) {
            facts.message("small-ws", "api", "", "wamid.t" + i, NOW.minus(Duration.ofMinutes(30 + i)), "failed", 131026);
        }
        // 0% against 100%, but 10 targeted of the default minimum of 200, and 10 failures of the default minimum of 50
        assertThat(evaluate("small-ws", NOW)).doesNotContain("OPENED");
    }

    @Test
    void errorCodeSpikeIsNamedWithItsLabelAndFix() throws Exception {
        workspace("es");
        set("es-ws", "--error-spike-factor", "3", "--error-spike-min", "5");
        FactsFixture facts = new FactsFixture(clickHouse);
        // baseline: 14 failures of 131049 in the 7 days before (0.25 expected in 3 hours); 10 of 131026
        for (int i = 0; i < 14; i++) {
            facts.message("es-ws", "broadcast", "bc", "wamid.b" + i, NOW.minus(Duration.ofHours(10 + i * 10L)), "failed", 131049);
        }
        // the window: 6 failures of 131049 (a spike), 1 of 131026 (below the minimum)
        for (int i = 0; i < 6; i++) {
            facts.message("es-ws", "broadcast", "bc", "wamid.w" + i, NOW.minus(Duration.ofMinutes(40 + i)), "failed", 131049);
        }
        facts.message("es-ws", "broadcast", "bc", "wamid.x", NOW.minus(Duration.ofMinutes(40)), "failed", 131026);

        ErrorLabels.Label label = ErrorLabels.describe(131049, null);
        assertThat(evaluate("es-ws", NOW)).contains("es-ws error_spike 131049: OPENED: error 131049 (" + label.label()
                + "): 6 failed messages").doesNotContain("error_spike 131026: OPENED");
        assertThat(evaluate("es-ws", NOW.plusSeconds(300))).doesNotContain("OPENED");

        MimeMessage opened = mailsTo("admin-es@example.test").get(0);
        assertThat(opened.getSubject()).isEqualTo("Alert: Error code spike · Sales es · 131049");
        String text = MailParts.part(opened, "text/plain");
        assertThat(text).contains(label.label()).contains("What to do: " + label.fix()).contains("baseline_failures: 0.3");
        String html = MailParts.part(opened, "text/html");
        assertThat(html).contains(label.label()).contains("What to do: " + label.fix());
        // kept for a look in a browser: scripts/check-digest-html target/alert-screenshots/alert-error-spike.html
        Files.createDirectories(Path.of("target", "alert-screenshots"));
        Files.writeString(Path.of("target", "alert-screenshots", "alert-error-spike.html"), html);

        // the next window has no failures: resolved
        assertThat(evaluate("es-ws", NOW.plus(Duration.ofHours(4)))).contains("es-ws error_spike 131049: RESOLVED");
        assertThat(evaluate("es-ws", NOW.plus(Duration.ofHours(5)))).doesNotContain("RESOLVED").doesNotContain("OPENED");
        assertThat(mailsTo("admin-es@example.test")).hasSize(2);
    }

    @Test
    void templateTurningRedOrPausedAndBack() throws Exception {
        workspace("tp");
        FactsFixture facts = new FactsFixture(clickHouse);
        facts.templateQuality("tp-ws", "promo", NOW.minus(Duration.ofDays(3)), "GREEN");
        facts.templateQuality("tp-ws", "promo", NOW.minus(Duration.ofHours(1)), "RED");
        facts.templateStatus("tp-ws", "welcome", NOW.minus(Duration.ofDays(2)), "APPROVED");
        facts.templateStatus("tp-ws", "welcome", NOW.minus(Duration.ofMinutes(20)), "PAUSED");
        facts.templateStatus("tp-ws", "receipt", NOW.minus(Duration.ofDays(2)), "APPROVED");

        String first = evaluate("tp-ws", NOW);
        assertThat(first).contains("tp-ws template t-promo: OPENED: template promo: status unknown, quality RED")
                .contains("tp-ws template t-welcome: OPENED: template welcome (en_US): status PAUSED")
                .doesNotContain("t-receipt");
        assertThat(evaluate("tp-ws", NOW.plusSeconds(300))).doesNotContain("OPENED");

        facts.templateQuality("tp-ws", "promo", NOW.plusSeconds(400), "GREEN");
        String later = evaluate("tp-ws", NOW.plusSeconds(600));
        assertThat(later).contains("tp-ws template t-promo: RESOLVED").doesNotContain("t-welcome: RESOLVED");
        facts.templateStatus("tp-ws", "welcome", NOW.plusSeconds(700), "DISABLED");
        assertThat(evaluate("tp-ws", NOW.plusSeconds(900))).doesNotContain("OPENED").doesNotContain("RESOLVED");
        assertThat(openIncidents("tp-ws")).containsExactly("template t-welcome");
        assertThat(mailsTo("admin-tp@example.test")).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Alert: Template paused, disabled or RED · Sales tp · t-promo",
                "Alert: Template paused, disabled or RED · Sales tp · t-welcome",
                "Resolved: Template paused, disabled or RED · Sales tp · t-promo");
    }

    @Test
    void phoneNumberQualityOrLimitDrop() throws Exception {
        workspace("ph");
        FactsFixture facts = new FactsFixture(clickHouse);
        facts.phoneQuality("ph-ws", "15550001111", NOW.minus(Duration.ofDays(1)), "UPGRADE", "TIER_10K");
        facts.phoneQuality("ph-ws", "15550001111", NOW.minus(Duration.ofMinutes(30)), "DOWNGRADE", "TIER_1K");
        facts.phoneQuality("ph-ws", "15550002222", NOW.minus(Duration.ofMinutes(30)), "FLAGGED", "");

        assertThat(evaluate("ph-ws", NOW)).contains("ph-ws phone 15550001111 limit: OPENED: number 15550001111: "
                + "messaging limit lowered to TIER_1K").contains("ph-ws phone 15550002222 quality: OPENED");
        assertThat(evaluate("ph-ws", NOW.plusSeconds(300))).doesNotContain("OPENED");

        facts.phoneQuality("ph-ws", "15550001111", NOW.plusSeconds(400), "UPGRADE", "TIER_10K");
        facts.phoneQuality("ph-ws", "15550002222", NOW.plusSeconds(400), "UNFLAGGED", "");
        assertThat(evaluate("ph-ws", NOW.plusSeconds(600))).contains("ph-ws phone 15550001111 limit: RESOLVED")
                .contains("ph-ws phone 15550002222 quality: RESOLVED");
        assertThat(openIncidents("ph-ws")).isEmpty();
        assertThat(mailsTo("admin-ph@example.test")).hasSize(4);
    }

    @Test
    void factsLateAndQuarantineGrowing() throws Exception {
        workspace("lag");
        set("lag-ws", "--etl-lag", "15m", "--quarantine-growth", "3");
        long first = rawEvent("lag-ws", NOW.minus(Duration.ofMinutes(40)));
        rawEvent("lag-ws", NOW.minus(Duration.ofMinutes(5)));
        rawEvent("other-ws-not-routed", NOW.minus(Duration.ofHours(5)));
        for (int i = 0; i < 3; i++) {
            db.sql("INSERT INTO quarantine (raw_event_id, workspace_id, reason, detail, quarantined_at, item_path) "
                    + "VALUES (?, 'lag-ws', 'bad_value', 'x', ?, ?)").params(first, Timestamp.from(NOW.minusSeconds(600)), "p" + i).update();
        }
        db.sql("INSERT INTO etl_watermark (name, last_id) VALUES ('etl', ?)").param(first - 1).update();

        assertThat(evaluate("lag-ws", NOW)).contains("lag-ws etl_lag etl: OPENED: the oldest event not loaded yet was "
                + "received 40 minutes ago").contains("lag-ws quarantine quarantine: OPENED: 3 events quarantined in the last hour");
        assertThat(evaluate("lag-ws", NOW.plusSeconds(60))).doesNotContain("OPENED");

        // the etl catches up past the workspace's events; the items are replayed
        db.sql("UPDATE etl_watermark SET last_id = (SELECT max(id) FROM raw_events WHERE workspace_id = 'lag-ws')").update();
        db.sql("UPDATE quarantine SET replayed_at = now() WHERE workspace_id = 'lag-ws'").update();
        assertThat(evaluate("lag-ws", NOW.plusSeconds(120))).contains("lag-ws etl_lag etl: RESOLVED: every event received is loaded")
                .contains("lag-ws quarantine quarantine: RESOLVED");
        assertThat(mailsTo("admin-lag@example.test")).hasSize(4);
    }

    @Test
    void listShowsOpenAndResolvedIncidentsInEveryFormat() throws Exception {
        workspace("ls");
        FactsFixture facts = new FactsFixture(clickHouse);
        facts.templateQuality("ls-ws", "a", NOW.minus(Duration.ofHours(1)), "RED");
        facts.templateQuality("ls-ws", "b", NOW.minus(Duration.ofHours(1)), "RED");
        evaluate("ls-ws", NOW);
        facts.templateQuality("ls-ws", "b", NOW.plusSeconds(10), "GREEN");
        evaluate("ls-ws", NOW.plusSeconds(60));

        CliResult open = CliResult.run(cli, "alerts", "list", "--open", "--workspace", "ls-ws");
        assertThat(open.exitCode()).as(open.err()).isZero();
        assertThat(open.out()).contains("t-a").doesNotContain("t-b");
        CliResult json = CliResult.run(cli, "alerts", "list", "--workspace", "ls-ws", "--format", "json");
        assertThat(json.out()).contains("\"subject\" : \"t-b\"").contains("\"state\" : \"resolved\"")
                .contains("\"quality\" : \"RED\"").contains("\"quality\" : \"GREEN\"");
        CliResult csv = CliResult.run(cli, "alerts", "list", "--workspace", "ls-ws", "--format", "csv");
        assertThat(csv.out().lines().toList()).hasSize(3).first().isEqualTo("id,workspace_id,rule,subject,state,opened_at,resolved_at,summary");

        CliResult unknown = CliResult.run(cli, "alerts", "list", "--workspace", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown workspace nope");
    }

    @Test
    void setPrintsTheSettingsRefusesBadValuesAndIsAudited() {
        workspace("st");
        CliResult set = CliResult.run(cli, "alerts", "set", "st-ws", "--delivery-drop-points", "12", "--min-volume", "300",
                "--error-spike-factor", "2.5", "--error-spike-min", "40", "--etl-lag", "30m", "--actor", "ops");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("delivery-drop-points: 12", "min-volume: 300", "delivery-window: 3h",
                "error-spike-factor: 2.5", "error-spike-min: 40", "etl-lag: 30m", "quarantine-growth: 20", "webhook-url: off");
        assertThat(db.sql("SELECT count(*) FROM admin_audit WHERE action = 'alerts.set' AND target = 'st-ws' AND actor = 'ops'")
                .query(Long.class).single()).isOne();

        for (String[] bad : List.of(new String[] {"--delivery-drop-points", "0"}, new String[] {"--etl-lag", "soon"},
                new String[] {"--error-spike-factor", "0.5"}, new String[] {"--webhook-url", "ftp://x"})) {
            String[] args = {"alerts", "set", "st-ws", bad[0], bad[1]};
            CliResult refused = CliResult.run(cli, args);
            assertThat(refused.exitCode()).as(Arrays.toString(bad)).isEqualTo(2);
            assertThat(refused.err()).contains(bad[0]);
        }
        assertThat(CliResult.run(cli, "alerts", "set", "nope", "--min-volume", "5").err()).contains("unknown workspace nope");
        // nothing of the refused changes landed
        assertThat(CliResult.run(cli, "alerts", "set", "st-ws").out()).contains("delivery-drop-points: 12", "etl-lag: 30m");
        assertThat(CliResult.run(cli, "alerts", "--help").out()).contains("list", "set", "evaluate", "resend");
    }

    private void workspace(String id) {
        setup.createOrganization(id, "Org " + id, "UTC", "owner-" + id + "@example.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace(id + "-ws", id, "Sales " + id);
        setup.addMember(id, id + "-ws", "admin-" + id + "@example.test", Member.Role.admin);
        setup.addMember(id, null, "org-admin-" + id + "@example.test", Member.Role.admin);
        setup.addMember(id, id + "-ws", "agent-" + id + "@example.test", Member.Role.agent);
    }

    private void set(String workspace, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "alerts";
        args[1] = "set";
        args[2] = workspace;
        System.arraycopy(options, 0, args, 3, options.length);
        CliResult result = CliResult.run(cli, args);
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    private String evaluate(String workspace, Instant at) {
        CliResult result = CliResult.run(cli, "alerts", "evaluate", "--workspace", workspace, "--now", at.toString());
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return result.out();
    }

    private List<String> openIncidents(String workspace) {
        return db.sql("SELECT rule || ' ' || subject FROM alert_incidents WHERE workspace_id = ? AND resolved_at IS NULL ORDER BY 1")
                .param(workspace).query(String.class).list();
    }

    private long rawEvent(String workspace, Instant receivedAt) {
        return db.sql("INSERT INTO raw_events (received_at, source, workspace_id, route_key, body) "
                + "VALUES (?, 'platform', ?, 'e', '\\x7b7d'::bytea) RETURNING id")
                .params(Timestamp.from(receivedAt), workspace).query(Long.class).single();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Mailboxes.inbox(smtp, address);
    }
}
