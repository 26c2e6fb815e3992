package com.wapi.analytics.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.wapi.analytics.campaign.CampaignTick;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.digest.DigestTick;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.FactsFixture;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.support.RawEventsFixture;
import com.wapi.analytics.support.Smtp;
import com.wapi.analytics.tenancy.Member;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An email about local day D goes out only once the etl has loaded every raw event received up to the end of D:
 * until then it is deferred (an empty day in skip mode too), and it goes out as soon as the etl catches up.
 */
class EmailsWaitForDataTests extends IntegrationTest {

    static final ServerSetup SMTP = Smtp.onFreePort();
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(SMTP);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::getBindAddress);
        registry.add("spring.mail.port", SMTP::getPort);
        registry.add("wapi.digest.late-after", () -> "PT1H");
    }

    @Autowired DigestTick digests;
    @Autowired CampaignTick campaigns;
    @Autowired Setup setup;
    @Autowired JdbcClient db;
    @Autowired ClickHouse clickHouse;
    @Autowired WapiCommandLine cli;

    @Test
    void digestsAndCampaignEmailsWaitUntilTheEtlHasLoadedTheirPeriodThenGoOutMarkedLate() throws Exception {
        // D is today: the raw event below is received now, before the end of D
        LocalDate day = LocalDate.now(KOLKATA);
        Instant dueAt = day.plusDays(1).atTime(9, 30).atZone(KOLKATA).toInstant();
        organization("wait-send", Organization.EmptyDayMode.send, day);
        organization("wait-skip", Organization.EmptyDayMode.skip, day);
        setup.createWorkspace("wait-ws", "wait-send", "Main");
        setup.addMember("wait-send", "wait-ws", "admin-wait@example.test", Member.Role.admin);
        Instant launched = Instant.now().minus(1, ChronoUnit.HOURS);
        new FactsFixture(clickHouse).broadcast("wait-ws", "bc_w", "Waiting", launched, 1);
        new FactsFixture(clickHouse).broadcastMessage("wait-ws", "bc_w", "wamid.w1", launched.plusSeconds(60), "read", 0);
        new RawEventsFixture(db).platformRaw("wait-ws", "{\"not\": \"loaded yet\"");

        assertThat(digests.tick(dueAt)).extracting(d -> d.organizationId() + " " + d.outcome())
                .allMatch(o -> o.contains("DEFERRED: the etl has not yet loaded every raw event")).hasSize(2);
        Instant campaignCheck = Instant.now().plus(20, ChronoUnit.MINUTES);
        assertThat(campaigns.tick(campaignCheck)).extracting(CampaignTick.Due::outcome).singleElement().asString()
                .startsWith("DEFERRED:");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(db.sql("SELECT count(*) FROM send_ledger WHERE kind = 'digest'").query(Long.class).single()).isZero();

        CliResult etl = CliResult.run(cli, "etl");
        assertThat(etl.exitCode()).as(etl.err()).isZero();

        Instant caughtUp = dueAt.plus(75, ChronoUnit.MINUTES);
        assertThat(digests.tick(caughtUp)).extracting(d -> d.organizationId() + " " + d.outcome())
                .containsExactly("wait-send COMPLETED COMPLETED", "wait-skip COMPLETED SKIPPED");
        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(digest -> {
            assertThat(digest.getSubject()).startsWith("Late: Org wait-send · " + day);
            assertThat(GreenMailUtil.getBody(digest)).contains("Sent late");
        });
        assertThat(campaigns.tick(campaignCheck)).extracting(CampaignTick.Due::outcome).containsExactly("COMPLETED COMPLETED");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    private void organization(String id, Organization.EmptyDayMode emptyDay, LocalDate day) {
        setup.createOrganization(id, "Org " + id, "Asia/Kolkata", "owner-" + id + "@example.test", true, emptyDay);
        // created at the start of D: D is its only due day
        db.sql("UPDATE organizations SET created_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(day.atStartOfDay(KOLKATA).toInstant()), id).update();
    }
}
