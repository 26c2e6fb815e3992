package com.wapi.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.FactsFixture;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.support.Smtp;
import com.wapi.analytics.tenancy.Member;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class DigestMailTests extends IntegrationTest {

    static final ServerSetup SMTP = Smtp.onFreePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(SMTP);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::getBindAddress);
        registry.add("spring.mail.port", SMTP::getPort);
    }

    @Autowired DigestTick tick;
    @Autowired Setup setup;
    @Autowired JdbcClient db;
    @Autowired ClickHouse clickHouse;
    @Autowired WapiCommandLine cli;

    static final Instant NOW = OffsetDateTime.parse("2026-11-02T09:30:00+05:30").toInstant();
    static final LocalDate YESTERDAY = LocalDate.parse("2026-11-01");

    @BeforeEach
    void clean() {
        db.sql("DELETE FROM send_ledger WHERE kind = 'digest'").update();
        db.sql("UPDATE organizations SET digest_enabled = false").update();
    }

    @Test
    void threeRacingTickersOverFiftyTicksSendExactlyOneDigestPerOrganizationToTheOwnerOnly() throws Exception {
        List<String> orgs = List.of(organization("race-a", "send"), organization("race-b", "send"));
        for (String org : orgs) {
            setup.addMember(org, null, "admin-" + org + "@example.test", Member.Role.admin);
            String ws = setup.createWorkspace(null, org, "Main").id();
            new FactsFixture(clickHouse).broadcastMessage(ws, "bc1", "wamid." + org,
                    OffsetDateTime.parse("2026-11-01T12:00:00+05:30").toInstant(), "delivered", 0);
        }

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> tickers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            tickers.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    tick.tick(NOW.plusSeconds(i * 60L));
                }
                return null;
            }));
        }
        for (Future<?> ticker : tickers) {
            ticker.get();
        }
        pool.shutdown();

        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, Long> perRecipient = Arrays.stream(received).collect(Collectors.groupingBy(
                m -> recipients(m), Collectors.counting()));
        assertThat(perRecipient).containsOnly(Map.entry("owner-race-a@example.test", 1L),
                Map.entry("owner-race-b@example.test", 1L));
        assertThat(received[0].getMessageID()).matches("<digest\\.race-[ab]\\.2026-11-01@wapi-analytics>");
        assertThat(GreenMailUtil.getBody(received[0])).contains("1 targeted", "100.0%");
    }

    @Test
    void emptyDaySendsAShortNoteOrNothingAsConfigured() throws Exception {
        organization("quiet-send", "send");
        organization("quiet-skip", "skip");
        tick.tick(NOW);
        assertThat(smtp.getReceivedMessages()).extracting(DigestMailTests::recipients)
                .containsExactly("owner-quiet-send@example.test");
        assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("nothing was sent");
        assertThat(db.sql("SELECT state FROM send_ledger WHERE kind = 'digest' AND scope = 'quiet-skip'").query(String.class).single())
                .isEqualTo("skipped");
        tick.tick(NOW.plusSeconds(600));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void organizationWithTheDigestOffGetsNone() throws Exception {
        organization("muted", "send");
        db.sql("UPDATE organizations SET digest_enabled = false WHERE id = 'muted'").update();
        tick.tick(NOW);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void smtpFailureLeavesTheDayToTheNextTick() throws Exception {
        organization("flaky", "send");
        smtp.stop();
        assertThat(tick.tick(NOW)).extracting(DigestTick.Due::outcome).anyMatch(o -> o.startsWith("FAILED"));
        assertThat(db.sql("SELECT state FROM send_ledger WHERE kind = 'digest' AND scope = 'flaky'").query(String.class).single())
                .isEqualTo("failed");
        smtp.start();
        tick.tick(NOW.plusSeconds(300));
        tick.tick(NOW.plusSeconds(600));
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aCrashBetweenClaimAndSendIsNeverResentAutomaticallyOnlyDeliberately() throws Exception {
        organization("crashed", "send");
        db.sql("INSERT INTO send_ledger (kind, scope, subject, state) VALUES ('digest', 'crashed', ?, 'claimed')")
                .param(YESTERDAY.toString()).update();
        tick.tick(NOW);
        assertThat(smtp.getReceivedMessages()).isEmpty();

        CliResult resend = CliResult.run(cli, "digest", "--org", "crashed", "--date", "2026-11-01", "--resend");
        assertThat(resend.exitCode()).as(resend.err()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(CliResult.run(cli, "digest", "--org", "crashed", "--date", "2026-11-01").exitCode()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    private String organization(String id, String emptyDay) {
        setup.createOrganization(id, "Org " + id, "Asia/Kolkata", "owner-" + id + "@example.test", true,
                Organization.EmptyDayMode.valueOf(emptyDay));
        // created the day before yesterday: only yesterday's digest is due
        db.sql("UPDATE organizations SET created_at = '2026-11-01T00:00:00+05:30' WHERE id = ?").param(id).update();
        return id;
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).collect(Collectors.joining(","));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
