package com.wapi.analytics.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.wapi.analytics.campaign.CampaignTick;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.digest.DigestTick;
import com.wapi.analytics.support.FactsFixture;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.support.Smtp;
import com.wapi.analytics.tenancy.Member;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One organization's or broadcast's fault costs the others nothing: each tick records it and goes on. */
class TickIsolationTests extends IntegrationTest {

    static final ServerSetup SMTP = Smtp.onFreePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(SMTP);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::getBindAddress);
        registry.add("spring.mail.port", SMTP::getPort);
    }

    static final Instant NOW = OffsetDateTime.parse("2026-11-02T18:00:00+05:30").toInstant();

    @Autowired CampaignTick campaigns;
    @Autowired DigestTick digests;
    @Autowired Setup setup;
    @Autowired JdbcClient db;
    @Autowired ClickHouse clickHouse;

    @Test
    void broadcastsWithIdsLongerThanAJobParameterOrAQueryTakeAreMailedAndCostTheOthersNothing() throws Exception {
        FactsFixture facts = new FactsFixture(clickHouse);
        organization("aaa-long");
        // longer than the job repository's 2,500-character parameter column, and hard to compress
        String longId = randomId(3000, 1);
        facts.broadcast("aaa-long-ws", longId, "Long", NOW.minusSeconds(3600), 1);
        facts.broadcastMessage("aaa-long-ws", longId, "wamid.long1", NOW.minusSeconds(3500), "read", 0);
        // 150 broadcasts still sending, whose ids together are longer than ClickHouse's max_query_size
        for (int i = 0; i < 150; i++) {
            facts.broadcast("aaa-long-ws", randomId(2000, 100 + i), "Pending " + i, NOW.minusSeconds(3600), 5);
        }
        organization("zzz-fine");
        facts.broadcast("zzz-fine-ws", "bc_fine", "Fine", NOW.minusSeconds(3600), 1);
        facts.broadcastMessage("zzz-fine-ws", "bc_fine", "wamid.fine1", NOW.minusSeconds(3500), "read", 0);

        assertThat(campaigns.tick(NOW)).extracting(CampaignTick.Due::outcome)
                .containsExactly("COMPLETED COMPLETED", "COMPLETED COMPLETED");
        campaigns.tick(NOW.plusSeconds(300));

        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(TickIsolationTests::to))
                .containsExactlyInAnyOrder("admin-aaa-long@example.test", "admin-zzz-fine@example.test");
        assertThat(db.sql("SELECT length(subject) || ' ' || state FROM send_ledger WHERE kind = 'campaign' ORDER BY 1")
                .query(String.class).list()).containsExactly("3000 sent", "7 sent");
    }

    @Test
    void anOrganizationWhoseDigestFailsIsRecordedAndTheOthersGetTheirs() throws Exception {
        Instant morning = OffsetDateTime.parse("2026-11-02T09:30:00+05:30").toInstant();
        digestOrganization("ddd-poisoned");
        // an owner address no mail server takes: its digest fails, and is retried by later ticks
        db.sql("UPDATE organizations SET owner_email = 'not an address' WHERE id = 'ddd-poisoned'").update();
        digestOrganization("eee-fine");

        assertThat(digests.tick(morning)).extracting(d -> d.organizationId() + " " + d.outcome().split(":")[0])
                .containsExactly("ddd-poisoned FAILED FAILED", "eee-fine COMPLETED COMPLETED");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(TickIsolationTests::to))
                .containsExactly("owner-eee-fine@example.test");
        assertThat(digests.tick(morning.plusSeconds(300))).extracting(DigestTick.Due::organizationId)
                .containsExactly("ddd-poisoned");
    }

    private void organization(String id) {
        setup.createOrganization(id, "Org " + id, "Asia/Kolkata", "owner-" + id + "@example.test", false,
                Organization.EmptyDayMode.send);
        setup.createWorkspace(id + "-ws", id, "Main");
        setup.addMember(id, id + "-ws", "admin-" + id + "@example.test", Member.Role.admin);
    }

    private void digestOrganization(String id) {
        setup.createOrganization(id, "Org " + id, "Asia/Kolkata", "owner-" + id + "@example.test", true,
                Organization.EmptyDayMode.send);
        db.sql("UPDATE organizations SET created_at = '2026-11-01T00:00:00+05:30' WHERE id = ?").param(id).update();
    }

    private static String randomId(int length, long seed) {
        Random random = new Random(seed);
        StringBuilder id = new StringBuilder();
        while (id.length() < length) {
            id.append((char) ('a' + random.nextInt(26)));
        }
        return id.toString();
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
