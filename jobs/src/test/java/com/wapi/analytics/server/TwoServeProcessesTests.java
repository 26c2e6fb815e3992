package com.wapi.analytics.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.wapi.analytics.WapiApplication;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.ingest.WebhookSignature;
import com.wapi.analytics.simulate.MetaPayloads;
import com.wapi.analytics.support.ChildJvm;
import com.wapi.analytics.support.Smtp;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two {@code serve} processes on the same databases, both with their schedulers ticking every second: a webhook
 * delivered to both lands once, the etl never runs in both at once, and each organization gets exactly one digest
 * per day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoServeProcessesTests {

    static final ServerSetup SMTP = Smtp.onFreePort();
    static final String SECRET = "app-secret";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(SMTP).withPerMethodLifecycle(false);

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<Process> servers = new ArrayList<>();
    final List<Integer> ports = new ArrayList<>();
    final List<Path> logs = new ArrayList<>();
    ConfigurableApplicationContext admin;
    JdbcClient db;
    ClickHouse clickHouse;

    @BeforeAll
    void twoServeProcesses() throws Exception {
        TestDatabases.Pair databases = TestDatabases.create();
        admin = new SpringApplicationBuilder(WapiApplication.class).web(WebApplicationType.NONE)
                .run(databases.springProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        db = admin.getBean(JdbcClient.class);
        clickHouse = admin.getBean(ClickHouse.class);
        Setup setup = admin.getBean(Setup.class);
        for (String org : List.of("acme", "beta")) {
            setup.createOrganization(org, org, org.equals("acme") ? "UTC" : "Asia/Kolkata", "owner@" + org + ".test",
                    true, Organization.EmptyDayMode.send);
            setup.createWorkspace("ws-" + org, org, org);
            setup.addPhoneNumber("ws-" + org, phoneNumberId(org), wabaId(org), "+1555000" + number(org));
        }
        // three days back, so that each organization has several digests due at once
        db.sql("UPDATE organizations SET created_at = now() - interval '3 days'").update();

        Path dir = Files.createDirectories(Path.of("target", "two-serve"));
        for (int i = 1; i <= 2; i++) {
            int port = ChildJvm.freePort();
            ports.add(port);
            logs.add(dir.resolve("serve-" + i + ".log"));
            servers.add(ChildJvm.wapi(databases, logs.get(i - 1), List.of("-Xmx256m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Dserver.port=" + port, "-Dmanagement.server.port=" + ChildJvm.freePort(),
                    "-Dspring.datasource.hikari.connection-timeout=30000", "-Dwapi.meta.app-secret=" + SECRET, "-Dwapi.meta.verify-token=v",
                    "-Dspring.mail.host=" + SMTP.getBindAddress(), "-Dspring.mail.port=" + SMTP.getPort(),
                    "-Dwapi.etl.schedule-delay=PT1S", "-Dwapi.etl.schedule-initial-delay=PT1S",
                    "-Dwapi.digest.tick-delay=PT1S", "-Dwapi.digest.tick-initial-delay=PT1S"), "serve"));
        }
        for (int server = 0; server < 2; server++) {
            ChildJvm.awaitUp(servers.get(server), ports.get(server), logs.get(server));
        }
    }

    @AfterAll
    void stop() {
        servers.forEach(Process::destroy);
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void webhooksSpreadOverBothServersLandOnceAndTheEtlNeverRunsTwiceAtOnce() throws Exception {
        Instant at = Instant.now().minusSeconds(60);
        int distinct = 40;
        for (int i = 0; i < distinct; i++) {
            byte[] body = MetaPayloads.statuses(wabaId("acme"), phoneNumberId("acme"),
                    MetaPayloads.status("wamid.two-serve." + i, "delivered", at, "15550001", null));
            // every other webhook is retried by Meta, and the retry reaches the other receiver
            assertThat(webhook(i % 2, body)).isEqualTo(200);
            if (i % 2 == 0) {
                assertThat(webhook(1, body)).isEqualTo(200);
            }
        }

        assertThat(db.sql("SELECT count(*) FROM raw_events WHERE workspace_id = 'ws-acme'").query(Long.class).single())
                .isEqualTo(distinct);
        await("the etl loads the webhooks", () -> clickHouse.sql().sql(
                "SELECT count() FROM message_status WHERE workspace_id = 'ws-acme'").query(Long.class).single() >= distinct);
        assertThat(clickHouse.sql().sql("SELECT count() FROM message_status FINAL WHERE workspace_id = 'ws-acme'")
                .query(Long.class).single()).isEqualTo(distinct);

        List<Timestamp[]> runs = db.sql("""
                SELECT e.start_time, coalesce(e.end_time, now()) FROM batch_job_execution e
                JOIN batch_job_instance i USING (job_instance_id) WHERE i.job_name = 'etl' ORDER BY e.start_time""")
                .query((rs, n) -> new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)}).list();
        assertThat(runs).isNotEmpty();
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i)[0]).as("etl run %d starts after run %d ended", i + 1, i).isAfterOrEqualTo(runs.get(i - 1)[1]);
        }
    }

    @Test
    void eachOrganizationGetsExactlyOneDigestPerDay() throws Exception {
        await("both organizations' digests are sent", () -> sentDigests("acme") > 0 && sentDigests("beta") > 0
                && db.sql("SELECT count(*) FROM send_ledger WHERE kind = 'digest' AND state <> 'sent'").query(Long.class).single() == 0);
        Thread.sleep(4000); // a few more ticks of both processes
        for (String org : List.of("acme", "beta")) {
            List<String> subjects = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals("owner@" + org + ".test"))) {
                    subjects.add(message.getSubject());
                }
            }
            assertThat(subjects).as("digests of %s", org).hasSize((int) sentDigests(org)).doesNotHaveDuplicates();
            assertThat(subjects.size()).as("the look-back's days of %s", org).isBetween(2, 3);
        }
    }

    private static String phoneNumberId(String org) {
        return "10654035224292" + number(org);
    }

    private static String wabaId(String org) {
        return "10000000000000" + number(org);
    }

    private static int number(String org) {
        return org.equals("acme") ? 1 : 2;
    }

    private long sentDigests(String org) {
        return db.sql("SELECT count(*) FROM send_ledger WHERE kind = 'digest' AND scope = ? AND state = 'sent'").param(org)
                .query(Long.class).single();
    }

    private int webhook(int server, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(server, "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private URI uri(int server, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(server) + path);
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 120 s\n--- serve 1:\n" + ChildJvm.read(logs.get(0))
                        + "\n--- serve 2:\n" + ChildJvm.read(logs.get(1)));
            }
            Thread.sleep(250);
        }
    }
}
