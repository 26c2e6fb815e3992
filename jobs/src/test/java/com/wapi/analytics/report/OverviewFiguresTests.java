package com.wapi.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.report.OverviewFigures.CodeFailures;
import com.wapi.analytics.report.OverviewFigures.Overview;
import com.wapi.analytics.support.FactsFixture;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The overview's figures, read once per local day, equal what the trends, delivery and failures reports give on
 * their own, for the period and for the previous one. Three weeks of messages in Asia/Kolkata (a local day starts at 18:30 UTC):
 * broadcasts that run across the periods' edges, flow and agent messages, every ending, refused sends, and sends
 * just before and after local midnight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewFiguresTests extends IntegrationTest {

    static final String WS = "ov-sales";
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    @Autowired Setup setup;
    @Autowired ClickHouse clickHouse;
    @Autowired Reports reports;
    @Autowired OverviewFigures overviews;

    @BeforeAll
    void threeWeeks() {
        setup.createOrganization("ov", "Ov Shop", ZONE.getId(), "owner@ov.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace(WS, "ov", "Sales");
        setup.createWorkspace("ov-care", "ov", "Care");
        FactsFixture facts = new FactsFixture(clickHouse);
        Random random = new Random(17);
        String[] endings = {"read", "read", "delivered", "delivered", "failed", "sent", "accepted"};
        int[] codes = {131049, 131026, 130472};
        String[] kinds = {"broadcast", "broadcast", "broadcast", "flow", "agent"};
        int n = 0;
        for (LocalDate day = LocalDate.parse("2026-10-30"); day.isBefore(LocalDate.parse("2026-11-20")); day = day.plusDays(1)) {
            Instant midnight = day.atStartOfDay(ZONE).toInstant();
            String broadcast = "bc_" + (day.getDayOfMonth() / 4);
            for (int i = 0; i < 7 + random.nextInt(6); i++) {
                // around local midnight, and through the day
                Instant at = midnight.plusSeconds(i == 0 ? -30 : i == 1 ? 30 : random.nextInt(86_400));
                String kind = kinds[random.nextInt(kinds.length)];
                String key = "ov-" + n++;
                if (random.nextInt(10) == 0) {
                    facts.sendFailed(WS, broadcast, key, at, codes[random.nextInt(codes.length)]);
                } else {
                    facts.message(WS, kind, kind.equals("broadcast") ? broadcast : "", key, at,
                            endings[random.nextInt(endings.length)], codes[random.nextInt(codes.length)]);
                }
            }
            facts.broadcastMessage("ov-care", broadcast, "care-" + day, midnight.plusSeconds(3600), "read", 0);
        }
    }

    @ParameterizedTest
    @CsvSource({"2026-11-10, 2026-11-16", "2026-11-12, 2026-11-14", "2026-11-09, 2026-11-09", "2026-11-02, 2026-11-19"})
    void eachFigureIsWhatItsReportGives(LocalDate from, LocalDate to) {
        ReportPeriod period = reports.period(WS, from, to);
        Overview overview = overviews.of(period);

        Report trends = reports.run("trends", WS, from, to);
        assertThat(overview.trends().section("days").rows()).isEqualTo(trends.section("days").rows());
        assertThat(overview.trends().definitions()).isEqualTo(trends.definitions());

        Report delivery = reports.run("delivery", WS, from, to, Set.of("broadcasts"));
        assertThat(delivery.section("broadcasts").rows()).isNotEmpty();
        assertThat(overview.delivery().sections()).hasSize(1);
        assertThat(overview.delivery().section("broadcasts").rows()).isEqualTo(delivery.section("broadcasts").rows());

        ReportPeriod previous = period.previous();
        Section before = reports.run("delivery", WS, previous.from(), previous.to(), Set.of("broadcasts")).section("broadcasts");
        Funnel previousBroadcasts = Funnel.NONE;
        for (List<Object> row : before.rows()) {
            previousBroadcasts = previousBroadcasts.plus(new Funnel(count(before, row, "targeted"), count(before, row, "sent"),
                    count(before, row, "delivered"), count(before, row, "read"), count(before, row, "failed"),
                    count(before, row, "pending")));
        }
        assertThat(previousBroadcasts.targeted()).isPositive();
        assertThat(overview.previousBroadcasts()).isEqualTo(previousBroadcasts);

        Section previousDays = reports.run("trends", WS, previous.from(), previous.to()).section("days");
        assertThat(overview.previousDays().keySet().stream().map(LocalDate::toString).toList())
                .isEqualTo(previousDays.rows().stream().map(row -> previousDays.value(row, "day")).toList());
        assertThat(overview.previousDeliveryRates())
                .isEqualTo(previousDays.rows().stream().map(row -> previousDays.value(row, "delivery_rate")).toList());
        assertThat(overview.previousReadRates())
                .isEqualTo(previousDays.rows().stream().map(row -> previousDays.value(row, "read_rate")).toList());

        Section failures = reports.run("failures", WS, from, to).section("codes");
        Map<Integer, CodeFailures> byCode = new TreeMap<>();
        for (List<Object> row : failures.rows()) {
            byCode.merge((int) count(failures, row, "code"), new CodeFailures((int) count(failures, row, "code"),
                    count(failures, row, "failures"), count(failures, row, "previous_failures")), (a, b) -> new CodeFailures(
                    a.code(), a.failures() + b.failures(), a.previousFailures() + b.previousFailures()));
        }
        assertThat(byCode).hasSizeGreaterThan(1);
        assertThat(overview.failures()).containsExactlyInAnyOrderElementsOf(byCode.values());
        assertThat(overview.failures()).isSortedAccordingTo(Comparator.comparingLong(CodeFailures::failures).reversed());
    }

    private static long count(Section section, List<Object> row, String column) {
        return ((Number) section.value(row, column)).longValue();
    }
}
