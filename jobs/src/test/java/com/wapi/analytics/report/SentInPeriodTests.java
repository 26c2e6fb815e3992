package com.wapi.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.support.FactsFixture;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The messages of a period are those sent in it, whenever their statuses arrive: a message sent a second before
 * the period whose statuses all arrive inside it is not the period's; one sent two seconds before the period ends
 * and delivered and read after it is, delivered and read. The period is 2026-11-10 in UTC.
 * <pre>
 * message     sent (UTC)            statuses                      period
 * prev-fail   11-09 12:00:00        failed 131049 at +5 s         previous day
 * before      11-09 23:59:59        sent, delivered, read inside  previous day
 * first       11-10 00:00:00        failed 131049 at +5 s         yes (start included)
 * late        11-10 23:59:58        delivered, read after         yes, delivered and read
 * after       11-11 00:00:00        delivered                     no (end excluded)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentInPeriodTests extends IntegrationTest {

    static final String WS = "edge-sales";
    static final LocalDate DAY = LocalDate.parse("2026-11-10");

    @Autowired Setup setup;
    @Autowired ClickHouse clickHouse;
    @Autowired Reports reports;
    @Autowired Funnels funnels;
    @Autowired FailureDays failureDays;
    @Autowired BroadcastRecipients recipients;

    ReportPeriod period;

    @BeforeAll
    void messages() {
        setup.createOrganization("edge", "Edge Shop", "UTC", "owner@edge.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace(WS, "edge", "Sales");
        FactsFixture facts = new FactsFixture(clickHouse);
        facts.broadcastMessage(WS, "bc_edge", "prev-fail", Instant.parse("2026-11-09T12:00:00Z"), "failed", 131049);
        facts.broadcastMessage(WS, "bc_edge", "before", Instant.parse("2026-11-09T23:59:59Z"), "read", 0);
        facts.broadcastMessage(WS, "bc_edge", "first", Instant.parse("2026-11-10T00:00:00Z"), "failed", 131049);
        facts.broadcastMessage(WS, "bc_edge", "late", Instant.parse("2026-11-10T23:59:58Z"), "read", 0);
        facts.broadcastMessage(WS, "bc_edge", "after", Instant.parse("2026-11-11T00:00:00Z"), "delivered", 0);
        period = reports.period(WS, DAY, DAY);
    }

    @Test
    void theFunnelCountsTheMessagesSentInThePeriodWithAllTheirStatuses() {
        List<Funnels.Row> rows = funnels.funnels(Funnels.Scope.sentIn(period), Funnels.By.BROADCAST);
        assertThat(rows).extracting(Funnels.Row::id).containsExactly("bc_edge");
        assertThat(rows.get(0).funnel()).isEqualTo(new Funnel(2, 2, 1, 1, 1, 0));
        assertThat(funnels.funnels(Funnels.Scope.sentIn(List.of(WS), period.utcFrom(), period.utcTo()), Funnels.By.BROADCAST))
                .extracting(Funnels.Row::funnel).containsExactly(new Funnel(2, 2, 1, 1, 1, 0));
    }

    @Test
    void failuresCountThePeriodsAndThePreviousPeriodsSends() {
        Section codes = reports.run("failures", WS, DAY, DAY).section("codes");
        assertThat(codes.rows()).hasSize(1);
        List<Object> row = codes.rows().get(0);
        assertThat(((Number) codes.value(row, "code")).intValue()).isEqualTo(131049);
        assertThat(((Number) codes.value(row, "failures")).longValue()).isEqualTo(1);
        assertThat(((Number) codes.value(row, "previous_failures")).longValue()).isEqualTo(1);
        assertThat(failureDays.perDay(period)).containsOnlyKeys(FailureDays.key(131049, 0));
        assertThat(failureDays.perDay(period).get(FailureDays.key(131049, 0))).containsExactly(1);
    }

    @Test
    void theBroadcastsRecipientsAreThoseSentInThePeriod() {
        assertThat(recipients.page(period, "bc_edge", new BroadcastRecipients.Filter("", null), 1, 10))
                .extracting(BroadcastRecipients.Recipient::wamid, BroadcastRecipients.Recipient::state)
                .containsExactly(tuple("first", "failed"), tuple("late", "read"));
    }
}
