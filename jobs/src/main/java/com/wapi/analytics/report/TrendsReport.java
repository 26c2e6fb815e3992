package com.wapi.analytics.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Per local day: targeted, delivery rate, read rate, failures, inbound conversations and the median first
 * response, each with its change against the day before and the same day a week before; the moves that matter
 * are flagged.
 */
@Component
class TrendsReport implements OperationalReport {

    static final String NAME = "trends";
    static final double RATE_MOVE = 0.05;
    static final double RELATIVE_MOVE = 0.5;
    static final long ABSOLUTE_MOVE = 10;

    private static final String CONVERSATIONS = """
            SELECT toString(toDate(opened_at, :zone)) AS day, count(), countIf(first_response_seconds >= 0),
                   quantileExactIf(0.5)(first_response_seconds, first_response_seconds >= 0)
              FROM conversation_facts
             WHERE workspace_id = :workspace AND opened_at >= toDateTime(:from, 'UTC') AND opened_at < toDateTime(:to, 'UTC')
             GROUP BY day""";

    private final FactQueries facts;
    private final Funnels funnels;

    TrendsReport(FactQueries facts, Funnels funnels) {
        this.facts = facts;
        this.funnels = funnels;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** One day's figures; a null rate or median means there was nothing to measure. */
    record Day(long targeted, Double deliveryRate, Double readRate, long failures, long conversations, Long medianFirstResponse) {
        static final Day EMPTY = new Day(0, null, null, 0, 0, null);
    }

    @Override
    public Report build(ReportPeriod period) {
        CompletableFuture<Map<LocalDate, long[]>> conversations = conversations(period);
        Map<LocalDate, Funnel> messages = new HashMap<>();
        funnels.funnels(Funnels.Scope.sentIn(period.startingEarlier(7)), Funnels.By.DAY)
                .forEach(row -> messages.put(LocalDate.parse(row.id()), row.funnel()));
        return build(period, messages, conversations);
    }

    /** The inbound conversations of each local day of the period and the 7 days before it, read beside the caller. */
    CompletableFuture<Map<LocalDate, long[]>> conversations(ReportPeriod period) {
        return facts.async(() -> {
            Map<LocalDate, long[]> days = new HashMap<>();
            facts.sql(CONVERSATIONS, period.startingEarlier(7)).param("zone", period.zone().getId()).query(rs -> {
                days.put(LocalDate.parse(rs.getString(1)), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            });
            return days;
        });
    }

    /**
     * The report from the funnels of the messages sent on each local day of the period and of the 7 days before it,
     * read elsewhere (a day without messages may be left out), and its {@link #conversations}.
     */
    Report build(ReportPeriod period, Map<LocalDate, Funnel> messages, CompletableFuture<Map<LocalDate, long[]>> conversations) {
        Map<LocalDate, Day> days = days(period.startingEarlier(7), messages, FactQueries.get(conversations));
        List<Column> columns = new ArrayList<>(List.of(Column.text("day")));
        addColumns(columns, "targeted", Column.Kind.COUNT, Column.Kind.COUNT);
        addColumns(columns, "delivery_rate", Column.Kind.RATE, Column.Kind.RATE_CHANGE);
        addColumns(columns, "read_rate", Column.Kind.RATE, Column.Kind.RATE_CHANGE);
        addColumns(columns, "failures", Column.Kind.COUNT, Column.Kind.COUNT);
        addColumns(columns, "conversations", Column.Kind.COUNT, Column.Kind.COUNT);
        addColumns(columns, "median_first_response", Column.Kind.SECONDS, Column.Kind.SECONDS);
        columns.add(Column.text("flags"));
        Section section = new Section("days", "Per day, against the day before and a week before", columns, new ArrayList<>());
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            Day d = days.getOrDefault(day, Day.EMPTY);
            Day dayBefore = days.getOrDefault(day.minusDays(1), Day.EMPTY);
            Day weekBefore = days.getOrDefault(day.minusDays(7), Day.EMPTY);
            List<String> flags = new ArrayList<>();
            List<Object> row = new ArrayList<>(List.of(day.toString()));
            row.addAll(counts("targeted", d.targeted(), dayBefore.targeted(), weekBefore.targeted(), flags));
            row.addAll(rates("delivery rate", d.deliveryRate(), dayBefore.deliveryRate(), weekBefore.deliveryRate(), flags));
            row.addAll(rates("read rate", d.readRate(), dayBefore.readRate(), weekBefore.readRate(), flags));
            row.addAll(counts("failures", d.failures(), dayBefore.failures(), weekBefore.failures(), flags));
            row.addAll(counts("conversations", d.conversations(), dayBefore.conversations(), weekBefore.conversations(), flags));
            row.addAll(medians(d.medianFirstResponse(), dayBefore.medianFirstResponse(), weekBefore.medianFirstResponse(), flags));
            row.add(String.join("; ", flags));
            section.add(row.toArray());
        }
        return new Report(NAME, period, List.of(section), List.of(Definitions.day(period), Definitions.TARGETED,
                Definitions.DELIVERY_RATE, Definitions.FAILED, Definitions.RESPONSE_TIME, Definitions.TREND, Definitions.ONCE));
    }

    private static void addColumns(List<Column> columns, String metric, Column.Kind value, Column.Kind change) {
        columns.add(new Column(metric, value));
        columns.add(new Column(metric + "_vs_day_before", change));
        columns.add(new Column(metric + "_vs_week_before", change));
    }

    private static Map<LocalDate, Day> days(ReportPeriod period, Map<LocalDate, Funnel> messages,
            Map<LocalDate, long[]> conversations) {
        Map<LocalDate, Day> days = new HashMap<>();
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            Funnel m = messages.getOrDefault(day, Funnel.NONE);
            long[] c = conversations.getOrDefault(day, new long[3]);
            days.put(day, new Day(m.targeted(), deliveryRate(m), readRate(m), m.failed(), c[0], c[1] == 0 ? null : c[2]));
        }
        return days;
    }

    /** A day's delivery rate, null when nothing was targeted. */
    static Double deliveryRate(Funnel day) {
        return day.targeted() == 0 ? null : day.deliveryRate();
    }

    /** A day's read rate, null when nothing was delivered. */
    static Double readRate(Funnel day) {
        return day.delivered() == 0 ? null : day.readRate();
    }

    private static List<Object> counts(String metric, long now, long dayBefore, long weekBefore, List<String> flags) {
        flagCount(metric, now, dayBefore, "the day before", flags);
        flagCount(metric, now, weekBefore, "a week before", flags);
        return List.of(now, now - dayBefore, now - weekBefore);
    }

    private static void flagCount(String metric, long now, long then, String when, List<String> flags) {
        long move = now - then;
        if (Math.abs(move) >= ABSOLUTE_MOVE && (then == 0 || Math.abs(move) >= RELATIVE_MOVE * then)) {
            flags.add(String.format(Locale.ROOT, "%s %+d vs %s", metric, move, when));
        }
    }

    private static List<Object> rates(String metric, Double now, Double dayBefore, Double weekBefore, List<String> flags) {
        return Arrays.asList(now, rateMove(metric, now, dayBefore, "the day before", flags),
                rateMove(metric, now, weekBefore, "a week before", flags));
    }

    private static Double rateMove(String metric, Double now, Double then, String when, List<String> flags) {
        if (now == null || then == null) {
            return null;
        }
        double move = now - then;
        if (Math.abs(move) >= RATE_MOVE - 1e-9) {
            flags.add(String.format(Locale.ROOT, "%s %+.1f pts vs %s", metric, move * 100, when));
        }
        return move;
    }

    private static List<Object> medians(Long now, Long dayBefore, Long weekBefore, List<String> flags) {
        return Arrays.asList(now, medianMove(now, dayBefore, "the day before", flags),
                medianMove(now, weekBefore, "a week before", flags));
    }

    private static Long medianMove(Long now, Long then, String when, List<String> flags) {
        if (now == null || then == null) {
            return null;
        }
        long move = now - then;
        if (Math.abs(move) >= ABSOLUTE_MOVE && Math.abs(move) >= RELATIVE_MOVE * then) {
            flags.add("median first response " + (move > 0 ? "+" : "-") + ReportWriter.duration(Math.abs(move)) + " vs " + when);
        }
        return move;
    }
}
