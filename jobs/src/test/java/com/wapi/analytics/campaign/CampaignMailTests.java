package com.wapi.analytics.campaign;

import static com.wapi.analytics.support.MailParts.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
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

/**
 * Campaign completion emails: once per broadcast to the workspace's admins (and the organization-wide admins),
 * when every targeted message is final or 24 hours after launch; never to owners, managers, agents or other
 * workspaces' admins; never twice, however many ticks race.
 */
class CampaignMailTests extends IntegrationTest {

    static final ServerSetup SMTP = Smtp.onFreePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(SMTP);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::getBindAddress);
        registry.add("spring.mail.port", SMTP::getPort);
    }

    static final Instant NOW = OffsetDateTime.parse("2026-11-02T18:00:00+05:30").toInstant();

    @Autowired CampaignTick tick;
    @Autowired Setup setup;
    @Autowired JdbcClient db;
    @Autowired ClickHouse clickHouse;
    @Autowired WapiCommandLine cli;

    FactsFixture facts;

    @BeforeEach
    void clean() {
        facts = new FactsFixture(clickHouse);
        db.sql("DELETE FROM campaign_email_ledger").update();
    }

    @Test
    void adminsGetEachFinishedCampaignExactlyOnceAcrossRacingTicks() throws Exception {
        organization("race");
        // 3 targeted, all final: finished 2 hours after launch
        facts.broadcast("race-sales", "bc_done", "Diwali sale", NOW.minusSeconds(7200), 3);
        facts.broadcastMessage("race-sales", "bc_done", "wamid.d1", NOW.minusSeconds(7100), "read", 0);
        facts.broadcastMessage("race-sales", "bc_done", "wamid.d2", NOW.minusSeconds(7100), "delivered", 0);
        facts.broadcastMessage("race-sales", "bc_done", "wamid.d3", NOW.minusSeconds(7100), "failed", 131049);
        // one message still only 'sent', but launched 25 hours ago: due anyway
        facts.broadcast("race-sales", "bc_old", "Yesterday's news", NOW.minusSeconds(25 * 3600), 2);
        facts.broadcastMessage("race-sales", "bc_old", "wamid.o1", NOW.minusSeconds(25 * 3600 - 60), "delivered", 0);
        facts.broadcastMessage("race-sales", "bc_old", "wamid.o2", NOW.minusSeconds(25 * 3600 - 60), "sent", 0);
        // an hour old and one message not final: not yet
        facts.broadcast("race-sales", "bc_pending", "Flash sale", NOW.minusSeconds(3600), 2);
        facts.broadcastMessage("race-sales", "bc_pending", "wamid.p1", NOW.minusSeconds(3500), "delivered", 0);
        facts.broadcastMessage("race-sales", "bc_pending", "wamid.p2", NOW.minusSeconds(3500), "sent", 0);
        // an hour old, both tried messages final, but 3 of the audience of 5 not tried yet: not yet
        facts.broadcast("race-sales", "bc_sending", "Still sending", NOW.minusSeconds(3600), 5);
        facts.broadcastMessage("race-sales", "bc_sending", "wamid.s1", NOW.minusSeconds(3500), "delivered", 0);
        facts.broadcastMessage("race-sales", "bc_sending", "wamid.s2", NOW.minusSeconds(3500), "read", 0);
        // the other workspace of the organization
        facts.broadcast("race-care", "bc_care", "Care follow-up", NOW.minusSeconds(7200), 1);
        facts.broadcastMessage("race-care", "bc_care", "wamid.c1", NOW.minusSeconds(7100), "read", 0);
        // launched four days ago, beyond the look-back: never mailed
        facts.broadcast("race-sales", "bc_ancient", "Ancient", NOW.minusSeconds(4 * 86400), 1);
        facts.broadcastMessage("race-sales", "bc_ancient", "wamid.x1", NOW.minusSeconds(4 * 86400 - 60), "read", 0);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> tickers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            tickers.add(pool.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    tick.tick(NOW.plusSeconds(i * 60L));
                }
                return null;
            }));
        }
        for (Future<?> ticker : tickers) {
            ticker.get();
        }
        pool.shutdown();

        assertThat(received()).containsOnly(
                Map.entry("admin-race-sales@example.test <campaign.race-sales.bc_done@wapi-analytics>", 1L),
                Map.entry("org-admin-race@example.test <campaign.race-sales.bc_done@wapi-analytics>", 1L),
                Map.entry("admin-race-sales@example.test <campaign.race-sales.bc_old@wapi-analytics>", 1L),
                Map.entry("org-admin-race@example.test <campaign.race-sales.bc_old@wapi-analytics>", 1L),
                Map.entry("admin-race-care@example.test <campaign.race-care.bc_care@wapi-analytics>", 1L),
                Map.entry("org-admin-race@example.test <campaign.race-care.bc_care@wapi-analytics>", 1L));
        assertThat(db.sql("SELECT broadcast_id || ' ' || state FROM campaign_email_ledger ORDER BY 1").query(String.class).list())
                .containsExactly("bc_care sent", "bc_done sent", "bc_old sent");

        // the last message of bc_pending turns delivered: it is finished, and goes out on the next tick, once
        facts.status("race-sales", "wamid.p2", "delivered", NOW.plusSeconds(1000), 0);
        tick.tick(NOW.plusSeconds(1200));
        tick.tick(NOW.plusSeconds(1500));
        assertThat(received()).containsEntry("admin-race-sales@example.test <campaign.race-sales.bc_pending@wapi-analytics>", 1L)
                .hasSize(8);
        // bc_sending turns 24 hours old
        tick.tick(NOW.plusSeconds(23 * 3600 + 60));
        assertThat(received()).containsEntry("org-admin-race@example.test <campaign.race-sales.bc_sending@wapi-analytics>", 1L)
                .hasSize(10);
    }

    @Test
    void theEmailCarriesTheFunnelAndTheFailuresWithTheirFixes() throws Exception {
        organization("figures");
        facts.broadcast("figures-sales", "bc_fig", "Winter launch", NOW.minusSeconds(3 * 3600), 6);
        facts.broadcastMessage("figures-sales", "bc_fig", "wamid.f1", NOW.minusSeconds(10000), "read", 0);
        facts.broadcastMessage("figures-sales", "bc_fig", "wamid.f2", NOW.minusSeconds(10000), "read", 0);
        facts.broadcastMessage("figures-sales", "bc_fig", "wamid.f3", NOW.minusSeconds(10000), "delivered", 0);
        facts.broadcastMessage("figures-sales", "bc_fig", "wamid.f4", NOW.minusSeconds(10000), "failed", 131049);
        facts.broadcastMessage("figures-sales", "bc_fig", "wamid.f5", NOW.minusSeconds(10000), "failed", 131049);
        facts.sendFailed("figures-sales", "bc_fig", "refused-1", NOW.minusSeconds(10000), 131026);

        tick.tick(NOW);

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Campaign finished: Winter launch · 6 targeted, 50.0% delivered, 3 failed");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("Targeted   6", "Sent       5", "Delivered  3 (50.0%)", "Read       2 (66.7%)",
                "Failed     3", "131049", "131026", "all 6 targeted recipients reached a final state");
        assertThat(html).contains(">6<", "3 · 50.0%", "2 · 66.7%", ">3<", "<strong>131049 · ", "<strong>131026 · ");
        String label = com.wapi.analytics.readers.errors.MetaErrorCatalogue.describe(131049, "").label();
        String fix = com.wapi.analytics.readers.errors.MetaErrorCatalogue.describe(131049, "").fix();
        assertThat(text).contains("131049 " + label + " (2, ", fix);
        assertThat(html).contains(org.springframework.web.util.HtmlUtils.htmlEscape(label),
                org.springframework.web.util.HtmlUtils.htmlEscape(fix));
    }

    @Test
    void aWorkspaceWithoutAdminsIsReportedAndMailedOnceAnAdminIsAdded() throws Exception {
        setup.createOrganization("lonely", "Lonely", "Asia/Kolkata", "owner-lonely@example.test", true,
                Organization.EmptyDayMode.send);
        setup.createWorkspace("lonely-ws", "lonely", "Main");
        setup.addMember("lonely", "lonely-ws", "agent-lonely@example.test", Member.Role.agent);
        facts.broadcast("lonely-ws", "bc_l", "Alone", NOW.minusSeconds(3600), 1);
        facts.broadcastMessage("lonely-ws", "bc_l", "wamid.l1", NOW.minusSeconds(3500), "delivered", 0);

        CliResult first = CliResult.run(cli, "campaign-tick", "--now", "2026-11-02T18:00:00+05:30");
        assertThat(first.out()).contains("campaign lonely-ws bc_l: NO_ADMIN");
        assertThat(smtp.getReceivedMessages()).isEmpty();

        setup.addMember("lonely", "lonely-ws", "admin-lonely@example.test", Member.Role.admin);
        CliResult second = CliResult.run(cli, "campaign-tick", "--now", "2026-11-02T18:05:00+05:30");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("campaign lonely-ws bc_l: COMPLETED");
        assertThat(received()).containsOnly(Map.entry("admin-lonely@example.test <campaign.lonely-ws.bc_l@wapi-analytics>", 1L));
    }

    @Test
    void smtpFailureLeavesTheEmailToTheNextTick() throws Exception {
        organization("flaky");
        facts.broadcast("flaky-sales", "bc_f", "Flaky", NOW.minusSeconds(3600), 1);
        facts.broadcastMessage("flaky-sales", "bc_f", "wamid.fl1", NOW.minusSeconds(3500), "read", 0);
        smtp.stop();
        assertThat(tick.tick(NOW)).extracting(CampaignTick.Due::outcome).anyMatch(o -> o.startsWith("FAILED"));
        assertThat(db.sql("SELECT state FROM campaign_email_ledger WHERE broadcast_id = 'bc_f'").query(String.class).single())
                .isEqualTo("failed");
        smtp.start();
        tick.tick(NOW.plusSeconds(300));
        tick.tick(NOW.plusSeconds(600));
        assertThat(received()).hasSize(2).allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));
    }

    /** Organization ID with workspaces ID-sales and ID-care and one member of every kind. */
    private void organization(String id) {
        setup.createOrganization(id, "Org " + id, "Asia/Kolkata", "owner-" + id + "@example.test", true,
                Organization.EmptyDayMode.send);
        setup.createWorkspace(id + "-sales", id, "Sales");
        setup.createWorkspace(id + "-care", id, "Care");
        setup.addMember(id, null, "org-admin-" + id + "@example.test", Member.Role.admin);
        setup.addMember(id, null, "org-manager-" + id + "@example.test", Member.Role.manager);
        setup.addMember(id, id + "-sales", "admin-" + id + "-sales@example.test", Member.Role.admin);
        setup.addMember(id, null, "owner2-" + id + "@example.test", Member.Role.owner);
        setup.addMember(id, id + "-sales", "manager-" + id + "@example.test", Member.Role.manager);
        setup.addMember(id, id + "-sales", "agent-" + id + "@example.test", Member.Role.agent);
        setup.addMember(id, id + "-care", "admin-" + id + "-care@example.test", Member.Role.admin);
        setup.addMember(id, id + "-care", "agent-care-" + id + "@example.test", Member.Role.agent);
        // an admin of another organization's workspace
        setup.createOrganization(id + "-other", "Other " + id, "UTC", "owner-other-" + id + "@example.test", true,
                Organization.EmptyDayMode.send);
        setup.createWorkspace(id + "-other-ws", id + "-other", "Elsewhere");
        setup.addMember(id + "-other", id + "-other-ws", "admin-other-" + id + "@example.test", Member.Role.admin);
    }

    /** "mailbox message-id" -> how many copies arrived in that mailbox. */
    private static Map<String, Long> received() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try {
            for (GreenMailUser user : smtp.getUserManager().listUser()) {
                for (StoredMessage m : smtp.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                    counts.merge(user.getEmail() + " " + m.getMimeMessage().getMessageID(), 1L, Long::sum);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
