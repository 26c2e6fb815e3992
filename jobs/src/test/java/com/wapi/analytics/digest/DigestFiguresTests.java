package com.wapi.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.digest.DigestContent.WorkspaceCard;
import com.wapi.analytics.report.FailureCount;
import com.wapi.analytics.report.Funnel;
import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.Reports;
import com.wapi.analytics.report.Section;
import com.wapi.analytics.support.FactsFixture;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The digest's broadcast figures are the delivery report's: for every workspace and day, the digest card's funnel
 * equals the sum of `report delivery`'s broadcasts rows, and its broadcast count their number. The facts include
 * what the broadcast filter leaves out (flow messages, broadcast messages without a broadcast id) and messages on
 * both sides of local midnight, in Kolkata and on New York's 25-hour fall-back day.
 */
class DigestFiguresTests extends IntegrationTest {

    static final LocalDate DAY = LocalDate.parse("2026-11-01");

    @Autowired Setup setup;
    @Autowired ClickHouse clickHouse;
    @Autowired DigestAssembler assembler;
    @Autowired Reports reports;

    static Organization kolkata;
    static Organization newYork;

    @BeforeEach
    void facts() {
        if (kolkata != null) {
            return;
        }
        kolkata = setup.createOrganization("fig-in", "Figures IN", "Asia/Kolkata", "owner@fig-in.test", true,
                Organization.EmptyDayMode.send);
        newYork = setup.createOrganization("fig-ny", "Figures NY", "America/New_York", "owner@fig-ny.test", true,
                Organization.EmptyDayMode.send);
        setup.createWorkspace("fig-in-sales", "fig-in", "Sales");
        setup.createWorkspace("fig-in-care", "fig-in", "Care");
        setup.createWorkspace("fig-ny-main", "fig-ny", "Main");
        FactsFixture facts = new FactsFixture(clickHouse);

        Instant noon = local("2026-11-01T12:00:00+05:30");
        String[] endings = {"read", "read", "delivered", "delivered", "delivered", "sent", "failed", "failed"};
        for (int i = 0; i < endings.length; i++) {
            facts.broadcastMessage("fig-in-sales", "bc_a", "wamid.a" + i, noon.plusSeconds(i), endings[i], 131049);
        }
        facts.sendFailed("fig-in-sales", "bc_a", "refused-1", noon, 131026);
        facts.broadcastMessage("fig-in-sales", "bc_b", "wamid.b0", local("2026-11-01T00:00:00+05:30"), "read", 0);
        facts.broadcastMessage("fig-in-sales", "bc_b", "wamid.b1", local("2026-11-01T23:59:59+05:30"), "failed", 131050);
        // outside the day or outside the broadcast filter: in neither the report nor the digest
        facts.broadcastMessage("fig-in-sales", "bc_b", "wamid.b2", local("2026-10-31T23:59:59+05:30"), "delivered", 0);
        facts.broadcastMessage("fig-in-sales", "bc_b", "wamid.b3", local("2026-11-02T00:00:00+05:30"), "delivered", 0);
        facts.broadcastMessage("fig-in-sales", "", "wamid.nobc", noon, "delivered", 0);
        facts.message("fig-in-sales", "flow", "", "wamid.flow", noon, "read", 0);
        facts.message("fig-in-sales", "api", "", "wamid.api", noon, "failed", 131049);

        facts.broadcastMessage("fig-in-care", "bc_c", "wamid.c0", noon, "delivered", 0);
        facts.broadcastMessage("fig-in-care", "bc_c", "wamid.c1", noon, "failed", 131026);
        facts.message("fig-in-care", "retry", "", "wamid.r0", noon, "delivered", 0);
        facts.message("fig-in-care", "retry", "", "wamid.r1", noon, "failed", 131049);

        // New York, 2026-11-01 runs from 04:00 UTC to 05:00 UTC the next day (25 hours)
        facts.broadcastMessage("fig-ny-main", "bc_n", "wamid.n0", Instant.parse("2026-11-01T04:00:00Z"), "read", 0);
        facts.broadcastMessage("fig-ny-main", "bc_n", "wamid.n1", Instant.parse("2026-11-02T04:30:00Z"), "delivered", 0);
        facts.broadcastMessage("fig-ny-main", "bc_n", "wamid.n2", Instant.parse("2026-11-02T05:00:00Z"), "delivered", 0);
        facts.broadcastMessage("fig-ny-main", "bc_n", "wamid.n3", Instant.parse("2026-11-01T03:59:59Z"), "delivered", 0);
    }

    @Test
    void everyWorkspaceFunnelEqualsTheDeliveryReportsBroadcastTotals() {
        for (Organization org : List.of(kolkata, newYork)) {
            for (LocalDate day : List.of(DAY.minusDays(1), DAY, DAY.plusDays(1))) {
                DigestContent digest = assembler.assemble(org, day);
                Funnel account = Funnel.NONE;
                for (WorkspaceCard card : digest.workspaces()) {
                    Report delivery = reports.run("delivery", card.id(), day, day);
                    Section broadcasts = delivery.section("broadcasts");
                    assertThat(card.funnel()).as("%s %s", card.id(), day).isEqualTo(totals(broadcasts));
                    assertThat(card.broadcasts()).as("%s %s", card.id(), day).isEqualTo(broadcasts.rows().size());
                    account = account.plus(card.funnel());
                }
                assertThat(digest.account()).isEqualTo(account);
                assertThat(digest.failures().stream().mapToLong(FailureCount::count).sum())
                        .isEqualTo(account.failed());
            }
        }
    }

    @Test
    void theFiguresWorkedOutByHand() {
        DigestContent digest = assembler.assemble(kolkata, DAY);
        WorkspaceCard sales = digest.workspaces().stream().filter(w -> w.id().equals("fig-in-sales")).findFirst().orElseThrow();
        // bc_a: 9 targeted (8 sent + 1 refused), 5 delivered, 2 read, 3 failed, 1 pending; bc_b: 2 targeted, 1 read, 1 failed
        assertThat(sales.funnel()).isEqualTo(new Funnel(11, 10, 6, 3, 4, 1));
        assertThat(sales.broadcasts()).isEqualTo(2);
        assertThat(sales.funnel().deliveryPercent()).isEqualTo("54.5%");
        assertThat(sales.funnel().readPercent()).isEqualTo("50.0%");
        assertThat(digest.account()).isEqualTo(new Funnel(13, 12, 7, 3, 5, 1));
        WorkspaceCard care = digest.workspaces().stream().filter(w -> w.id().equals("fig-in-care")).findFirst().orElseThrow();
        assertThat(care.smartRetry()).isEqualTo(new DigestContent.SmartRetry(0, 2, 1));
        assertThat(digest.dayBefore()).isEqualTo(new Funnel(1, 1, 1, 0, 0, 0));
        assertThat(digest.failures()).extracting(FailureCount::code, FailureCount::count)
                .containsExactly(tuple(131026, 2L), tuple(131049, 2L), tuple(131050, 1L));

        DigestContent ny = assembler.assemble(newYork, DAY);
        assertThat(ny.account()).isEqualTo(new Funnel(2, 2, 2, 1, 0, 0));
    }

    private static Funnel totals(Section section) {
        Funnel total = Funnel.NONE;
        for (List<Object> row : section.rows()) {
            total = total.plus(new Funnel((Long) section.value(row, "targeted"), (Long) section.value(row, "sent"),
                    (Long) section.value(row, "delivered"), (Long) section.value(row, "read"),
                    (Long) section.value(row, "failed"), (Long) section.value(row, "pending")));
        }
        return total;
    }

    private static Instant local(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }
}
