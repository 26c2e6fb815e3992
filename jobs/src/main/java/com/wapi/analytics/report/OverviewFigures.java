package com.wapi.analytics.report;

import com.wapi.analytics.report.Funnels.By;
import com.wapi.analytics.report.Funnels.Read;
import com.wapi.analytics.report.Funnels.Scope;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * The figures of the overview page: the period's trends report and the delivery report's broadcasts, as those
 * reports give them, and the previous period's broadcast funnel and days. They come from one read of the messages
 * per local day, in two parts read side by side (the period, and the days before it); each report on its own would
 * read the period's messages again.
 */
@Component
public class OverviewFigures {

    /**
     * @param previousBroadcasts the funnel of the broadcasts' messages sent in the previous period
     * @param previousDays the funnel of every message sent on each day of the previous period, in order
     * @param failures the failed messages by error code, as the failures report counts them (summed over subcodes)
     */
    public record Overview(Report trends, Report delivery, Funnel previousBroadcasts, Map<LocalDate, Funnel> previousDays,
            List<CodeFailures> failures) {

        /** Each previous day's delivery rate as the trends report gives it (null for a day without messages). */
        public List<Double> previousDeliveryRates() {
            return previousDays.values().stream().map(TrendsReport::deliveryRate).toList();
        }

        public List<Double> previousReadRates() {
            return previousDays.values().stream().map(TrendsReport::readRate).toList();
        }
    }

    /** How many of the messages sent in the period, and in the previous period, failed with one error code. */
    public record CodeFailures(int code, long failures, long previousFailures) {
    }

    private final FactQueries facts;
    private final Funnels funnels;
    private final TrendsReport trends;
    private final DeliveryReport delivery;

    OverviewFigures(FactQueries facts, Funnels funnels, TrendsReport trends, DeliveryReport delivery) {
        this.facts = facts;
        this.funnels = funnels;
        this.trends = trends;
        this.delivery = delivery;
    }

    public Overview of(ReportPeriod period) {
        ReportPeriod previous = period.previous();
        // the trends report compares each day with the week before, further back than a period under 7 days
        ReportPeriod before = new ReportPeriod(period.workspace(), period.organization(),
                period.from().minusDays(Math.max(period.days(), 7)), period.from().minusDays(1));
        CompletableFuture<Map<LocalDate, Read>> earlier = facts.async(() -> read(before));
        CompletableFuture<Map<LocalDate, Read>> during = facts.async(() -> read(period));
        CompletableFuture<Map<String, String[]>> names = delivery.names(period);
        CompletableFuture<Map<LocalDate, long[]>> conversations = trends.conversations(period);
        TreeMap<LocalDate, Read> days = new TreeMap<>(FactQueries.get(during));
        Read now = Read.sum(days.values());
        Report broadcasts = delivery.broadcasts(period, now, FactQueries.get(names));
        days.putAll(FactQueries.get(earlier));
        Map<LocalDate, Funnel> perDay = new TreeMap<>();
        days.forEach((day, read) -> perDay.put(day, sum(read, By.DAY)));
        Read then = Read.sum(days.subMap(previous.from(), period.from()).values());
        Map<LocalDate, Funnel> previousDays = new TreeMap<>();
        for (LocalDate day = previous.from(); day.isBefore(period.from()); day = day.plusDays(1)) {
            previousDays.put(day, perDay.getOrDefault(day, Funnel.NONE));
        }
        return new Overview(trends.build(period, perDay, conversations), broadcasts, sum(then, By.BROADCAST), previousDays,
                codes(now, then));
    }

    /** Failures by error code in both periods, the period's most frequent first. */
    private static List<CodeFailures> codes(Read now, Read then) {
        Map<Integer, long[]> codes = new TreeMap<>();
        count(now, codes, 0);
        count(then, codes, 1);
        return codes.entrySet().stream().map(e -> new CodeFailures(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(CodeFailures::failures).reversed()).toList();
    }

    private static void count(Read read, Map<Integer, long[]> codes, int period) {
        read.failures().stream().filter(f -> f.by() == By.DAY)
                .forEach(f -> codes.computeIfAbsent(f.failure().code(), c -> new long[2])[period] += f.failure().count());
    }

    private Map<LocalDate, Read> read(ReportPeriod period) {
        return funnels.readPerDay(Scope.sentIn(period), By.DAY, By.BROADCAST);
    }

    private static Funnel sum(Read read, By by) {
        return read.funnels().stream().filter(row -> row.by() == by).map(Funnels.Row::funnel).reduce(Funnel.NONE, Funnel::plus);
    }
}
