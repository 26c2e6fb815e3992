package com.wapi.analytics.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.support.ChildJvm;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.FactsFixture;
import com.wapi.analytics.support.MailIntegrationTest;
import com.wapi.analytics.support.Mailboxes;
import com.wapi.analytics.tenancy.Member;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How incidents reach people: evaluators racing in two processes send one email per incident event, and the webhook
 * gets each event signed with the workspace's secret, retried at the next evaluation until it answers 2xx.
 */
class AlertDeliveryTests extends MailIntegrationTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Autowired Setup setup;
    @Autowired JdbcClient db;
    @Autowired ClickHouse clickHouse;
    @Autowired WapiCommandLine cli;

    @Test
    void evaluatorsRacingInTwoProcessesSendOneEmailPerIncident() throws Exception {
        workspace("race");
        FactsFixture facts = new FactsFixture(clickHouse);
        facts.templateQuality("race-ws", "promo", NOW.minus(Duration.ofHours(1)), "RED");
        facts.phoneQuality("race-ws", "15550003333", NOW.minus(Duration.ofHours(1)), "DOWNGRADE", "TIER_250");

        race(NOW);
        assertThat(db.sql("SELECT count(*) FROM alert_incidents WHERE workspace_id = 'race-ws'").query(Long.class).single())
                .isEqualTo(2);
        assertThat(Mailboxes.copies(smtp)).hasSize(4).allSatisfy((mailboxAndId, n) -> assertThat(n).as(mailboxAndId).isOne());

        facts.templateQuality("race-ws", "promo", NOW.plusSeconds(60), "GREEN");
        facts.phoneQuality("race-ws", "15550003333", NOW.plusSeconds(60), "UPGRADE", "TIER_1K");
        race(NOW.plusSeconds(300));
        assertThat(db.sql("SELECT count(*) FROM alert_incidents WHERE workspace_id = 'race-ws' AND resolved_at IS NOT NULL")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(Mailboxes.copies(smtp)).hasSize(8).allSatisfy((mailboxAndId, n) -> assertThat(n).as(mailboxAndId).isOne());
        assertThat(db.sql("SELECT count(*) FROM send_ledger WHERE kind = 'alert' AND state = 'sent'").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void webhookGetsEachEventSignedAndRetriedUntilItAnswers2xx() throws Exception {
        workspace("hook");
        List<String[]> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestHeaders().getFirst("X-Wapi-Signature"), body});
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            CliResult set = CliResult.run(cli, "alerts", "set", "hook-ws", "--webhook-url", url);
            assertThat(set.exitCode()).as(set.err()).isZero();
            Matcher secret = Pattern.compile("webhook-secret: ([0-9a-f]{64})").matcher(set.out());
            assertThat(secret.find()).as(set.out()).isTrue();
            assertThat(CliResult.run(cli, "alerts", "set", "hook-ws", "--min-volume", "300").out())
                    .contains("webhook-url: " + url).doesNotContain(secret.group(1));
            new FactsFixture(clickHouse).templateQuality("hook-ws", "promo", NOW.minus(Duration.ofHours(1)), "RED");

            CliResult first = evaluate("hook-ws", NOW);
            assertThat(first.exitCode()).isEqualTo(1);
            assertThat(first.out()).contains("webhook opened").contains("FAILED: answered 503 (retried at the next evaluation)");
            CliResult second = evaluate("hook-ws", NOW.plusSeconds(300));
            assertThat(second.exitCode()).as(second.out()).isZero();
            assertThat(second.out()).contains("webhook opened").contains("DELIVERED").doesNotContain("email");
            assertThat(received).hasSize(2);
            String[] delivered = received.get(1);
            assertThat(delivered[0]).isEqualTo("sha256=" + AlertWebhook.sign(delivered[1].getBytes(StandardCharsets.UTF_8), secret.group(1)));
            assertThat(delivered[1]).contains("\"event\":\"opened\"", "\"workspace_id\":\"hook-ws\"", "\"rule\":\"template\"",
                    "\"subject\":\"t-promo\"", "\"quality\":\"RED\"");
            assertThat(db.sql("SELECT attempts FROM alert_webhooks WHERE event = 'opened'").query(Integer.class).single()).isEqualTo(2);

            assertThat(evaluate("hook-ws", NOW.plusSeconds(600)).out()).doesNotContain("webhook");
            new FactsFixture(clickHouse).templateQuality("hook-ws", "promo", NOW.plusSeconds(700), "GREEN");
            CliResult resolved = evaluate("hook-ws", NOW.plusSeconds(900));
            assertThat(resolved.out()).contains("webhook resolved").contains("DELIVERED");
            assertThat(received).hasSize(3);
            assertThat(received.get(2)[1]).contains("\"event\":\"resolved\"", "\"quality\":\"GREEN\"");
            assertThat(received.get(2)[0]).isEqualTo("sha256=" + AlertWebhook.sign(received.get(2)[1].getBytes(StandardCharsets.UTF_8), secret.group(1)));
        } finally {
            server.stop(0);
        }
    }

    private void race(Instant at) throws Exception {
        List<Process> children = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path log = Files.createTempFile("alerts-race-", ".log");
            log.toFile().deleteOnExit();
            logs.add(log);
            // a patient first connection: two JVMs start at once on a busy machine
            children.add(ChildJvm.wapi(databases, log, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dspring.datasource.hikari.connection-timeout=60000",
                    "-Dspring.mail.host=" + SMTP.getBindAddress(), "-Dspring.mail.port=" + SMTP.getPort()),
                    "alerts", "evaluate", "--workspace", "race-ws", "--now", at.toString()));
        }
        for (int i = 0; i < 2; i++) {
            assertThat(children.get(i).waitFor(5, TimeUnit.MINUTES)).as("evaluator finished").isTrue();
            assertThat(children.get(i).exitValue()).as("evaluator succeeded; its log:%n%s", ChildJvm.read(logs.get(i))).isZero();
        }
    }

    private CliResult evaluate(String workspace, Instant at) {
        return CliResult.run(cli, "alerts", "evaluate", "--workspace", workspace, "--now", at.toString());
    }

    private void workspace(String id) {
        setup.createOrganization(id, "Org " + id, "UTC", "owner-" + id + "@example.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace(id + "-ws", id, "Sales " + id);
        setup.addMember(id, id + "-ws", "admin-" + id + "@example.test", Member.Role.admin);
        setup.addMember(id, null, "org-admin-" + id + "@example.test", Member.Role.admin);
    }
}
