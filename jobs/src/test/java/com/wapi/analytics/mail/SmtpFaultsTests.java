package com.wapi.analytics.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.wapi.analytics.campaign.CampaignTick;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.digest.DigestTick;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.FactsFixture;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.support.Smtp;
import com.wapi.analytics.support.SmtpFront;
import com.wapi.analytics.tenancy.Member;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SMTP faults: a silent server fails the send within the timeouts and a later tick sends; a server that takes the
 * message and drops the connection before its reply leaves the email uncertain, never resent automatically, shown
 * to operators, and released by --resend.
 */
class SmtpFaultsTests extends IntegrationTest {

    static final ServerSetup SMTP = Smtp.onFreePort();
    static final SmtpFront FRONT = front();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(SMTP);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", FRONT::port);
        registry.add("wapi.mail.connect-timeout-ms", () -> "2000");
        registry.add("wapi.mail.read-timeout-ms", () -> "2000");
        registry.add("wapi.mail.write-timeout-ms", () -> "2000");
    }

    static final Instant MORNING = OffsetDateTime.parse("2026-11-02T09:30:00+05:30").toInstant();

    @Autowired DigestTick digests;
    @Autowired CampaignTick campaigns;
    @Autowired Setup setup;
    @Autowired JdbcClient db;
    @Autowired ClickHouse clickHouse;
    @Autowired WapiCommandLine cli;
    @Autowired MeterRegistry meters;
    @Autowired @Qualifier("emails") HealthIndicator emailsHealth;

    @BeforeEach
    void onlyThisTestsOrganizationsGetDigests() {
        db.sql("UPDATE organizations SET digest_enabled = false").update();
    }

    @AfterEach
    void forward() {
        FRONT.mode(SmtpFront.Mode.FORWARD);
    }

    @Test
    void aSilentServerFailsTheSendWithinTheTimeoutAndALaterTickSends() {
        organization("silent");
        FRONT.mode(SmtpFront.Mode.SILENT);
        List<DigestTick.Due> first = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> digests.tick(MORNING));
        assertThat(first).extracting(DigestTick.Due::outcome).singleElement().asString().startsWith("FAILED");
        assertThat(state("digest", "scope = 'silent'")).isEqualTo("failed");
        assertThat(smtp.getReceivedMessages()).isEmpty();

        FRONT.mode(SmtpFront.Mode.FORWARD);
        assertThat(digests.tick(MORNING.plusSeconds(300))).extracting(DigestTick.Due::outcome)
                .containsExactly("COMPLETED COMPLETED");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(state("digest", "scope = 'silent'")).isEqualTo("sent");
    }

    @Test
    void aDigestTakenAndNeverConfirmedIsUncertainNotResentShownAndReleasedByResend() throws Exception {
        organization("dropped");
        FRONT.mode(SmtpFront.Mode.DROP_AFTER_DATA);
        assertThat(digests.tick(MORNING)).extracting(DigestTick.Due::outcome).singleElement().asString()
                .startsWith("FAILED").contains("may have been delivered");
        assertThat(state("digest", "scope = 'dropped'")).isEqualTo("uncertain");
        awaitReceived(1);

        FRONT.mode(SmtpFront.Mode.FORWARD);
        assertThat(digests.tick(MORNING.plusSeconds(300))).extracting(DigestTick.Due::outcome).singleElement().asString()
                .startsWith("UNCERTAIN: the digest of dropped for 2026-11-01 may have been delivered")
                .contains("scripts/wapi digest --org dropped --date 2026-11-01 --resend");
        CliResult again = CliResult.run(cli, "digest", "--org", "dropped", "--date", "2026-11-01");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("may have been delivered");
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        CliResult jobs = CliResult.run(cli, "jobs");
        assertThat(jobs.out()).contains("Uncertain emails", "the digest of dropped for 2026-11-01",
                "scripts/wapi digest --org dropped --date 2026-11-01 --resend");
        assertThat(meters.get("wapi.mail.uncertain").tag("email", "digest").gauge().value()).isEqualTo(1.0);
        assertThat(emailsHealth.health().getDetails().get("uncertain").toString())
                .contains("the digest of dropped for 2026-11-01", "--resend");

        CliResult resend = CliResult.run(cli, "digest", "--org", "dropped", "--date", "2026-11-01", "--resend");
        assertThat(resend.exitCode()).as(resend.err()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(state("digest", "scope = 'dropped'")).isEqualTo("sent");
        assertThat(meters.get("wapi.mail.uncertain").tag("email", "digest").gauge().value()).isZero();
        assertThat(CliResult.run(cli, "jobs").out()).doesNotContain("Uncertain emails");
    }

    @Test
    void anUncertainCampaignEmailIsHeldUntilItsResend() throws Exception {
        Instant now = OffsetDateTime.parse("2026-11-02T18:00:00+05:30").toInstant();
        setup.createOrganization("camp", "Camp", "Asia/Kolkata", "owner-camp@example.test", false,
                Organization.EmptyDayMode.send);
        setup.createWorkspace("camp-ws", "camp", "Main");
        setup.addMember("camp", "camp-ws", "admin-camp@example.test", Member.Role.admin);
        FactsFixture facts = new FactsFixture(clickHouse);
        facts.broadcast("camp-ws", "bc_u", "Uncertain", now.minusSeconds(3600), 1);
        facts.broadcastMessage("camp-ws", "bc_u", "wamid.u1", now.minusSeconds(3500), "read", 0);
        int before = smtp.getReceivedMessages().length;

        FRONT.mode(SmtpFront.Mode.DROP_AFTER_DATA);
        campaigns.tick(now);
        assertThat(state("campaign", "subject = 'bc_u'")).isEqualTo("uncertain");
        awaitReceived(before + 1);
        FRONT.mode(SmtpFront.Mode.FORWARD);
        assertThat(campaigns.tick(now.plusSeconds(300))).extracting(CampaignTick.Due::outcome).singleElement()
                .asString().startsWith("UNCERTAIN:").contains("scripts/wapi campaign-email --workspace camp-ws --broadcast bc_u --resend");
        assertThat(meters.get("wapi.mail.uncertain").tag("email", "campaign").gauge().value()).isEqualTo(1.0);
        assertThat(smtp.getReceivedMessages()).hasSize(before + 1);

        CliResult resend = CliResult.run(cli, "campaign-email", "--workspace", "camp-ws", "--broadcast", "bc_u", "--resend");
        assertThat(resend.exitCode()).as(resend.err() + resend.out()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(before + 2);
        assertThat(state("campaign", "subject = 'bc_u'")).isEqualTo("sent");
    }

    @Test
    void anUncertainExportIsHeldUntilItsResend() throws Exception {
        setup.createOrganization("exp", "Exp", "Asia/Kolkata", "owner-exp@example.test", false,
                Organization.EmptyDayMode.send);
        setup.createWorkspace("exp-ws", "exp", "Main");
        setup.addMember("exp", "exp-ws", "manager-exp@example.test", Member.Role.manager);
        CliResult subscribed = CliResult.run(cli, "export", "subscribe", "--workspace", "exp-ws", "--email",
                "manager-exp@example.test", "--every", "daily");
        assertThat(subscribed.exitCode()).as(subscribed.err()).isZero();
        String id = subscribed.out().strip();
        int before = smtp.getReceivedMessages().length;

        FRONT.mode(SmtpFront.Mode.DROP_AFTER_DATA);
        CliResult first = CliResult.run(cli, "export", "send", "--subscription", id, "--period-start", "2026-11-01");
        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(state("export", "scope = '" + id + "'")).isEqualTo("uncertain");
        awaitReceived(before + 1);
        FRONT.mode(SmtpFront.Mode.FORWARD);
        CliResult again = CliResult.run(cli, "export", "send", "--subscription", id, "--period-start", "2026-11-01");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.out()).contains("may have been delivered",
                "scripts/wapi export send --subscription " + id + " --period-start 2026-11-01 --resend");
        assertThat(CliResult.run(cli, "jobs").out()).contains("the export of subscription " + id);
        assertThat(smtp.getReceivedMessages()).hasSize(before + 1);

        CliResult resend = CliResult.run(cli, "export", "send", "--subscription", id, "--period-start", "2026-11-01",
                "--resend");
        assertThat(resend.exitCode()).as(resend.err() + resend.out()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(before + 2);
        assertThat(state("export", "scope = '" + id + "'")).isEqualTo("sent");
    }

    private String state(String kind, String where) {
        return db.sql("SELECT state FROM send_ledger WHERE kind = '" + kind + "' AND " + where).query(String.class).single();
    }

    /** GreenMail stores a message a moment after the client's connection dropped. */
    private static void awaitReceived(int count) throws InterruptedException {
        for (int i = 0; i < 50 && smtp.getReceivedMessages().length < count; i++) {
            Thread.sleep(100);
        }
        assertThat(smtp.getReceivedMessages()).hasSize(count);
    }

    private void organization(String id) {
        setup.createOrganization(id, "Org " + id, "Asia/Kolkata", "owner-" + id + "@example.test", true,
                Organization.EmptyDayMode.send);
        db.sql("UPDATE organizations SET created_at = '2026-11-01T00:00:00+05:30' WHERE id = ?").param(id).update();
    }

    private static SmtpFront front() {
        try {
            return new SmtpFront(SMTP.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
