package com.wapi.analytics.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/**
 * Per broadcast, flow and tracked link: contacts reached, clicks, inbound conversations and conversions attributed
 * (docs/definitions.md windows, see {@link AttributionWindows}, in the conversation_attribution and conversion_attribution views), revenue per currency,
 * and the links' clicks by source, device and country.
 */
@Component
class AttributionReport implements OperationalReport {

    static final String NAME = "attribution";
    static final String NONE = "(none)";

    private static final String TOUCHES = """
            SELECT touch_kind, touch_id, uniqExact(touch_key)
              FROM touches
             WHERE workspace_id = :workspace AND touch_time >= toDateTime(:from, 'UTC') AND touch_time < toDateTime(:to, 'UTC')
             GROUP BY touch_kind, touch_id""";

    private static final String CLICKS = """
            SELECT link_id, count()
              FROM link_clicks FINAL
             WHERE workspace_id = :workspace AND event_time >= toDateTime(:from, 'UTC') AND event_time < toDateTime(:to, 'UTC')
             GROUP BY link_id""";

    /**
     * The views grouping only the period's conversations or conversions and the touches that can be theirs: those
     * from a window before the period's start to its end (the parameter {@code window}, seconds).
     */
    private static final String TOUCHES_IN_WINDOW = "workspace_id = :workspace AND touch_time >= toDateTime(:from, 'UTC') - :window"
            + " AND touch_time < toDateTime(:to, 'UTC')";
    private static final String IN_PERIOD = "workspace_id = :workspace AND event_time >= toDateTime(:from, 'UTC')"
            + " AND event_time < toDateTime(:to, 'UTC')";

    private static final String CONVERSATIONS = """
            SELECT attributed_kind, attributed_id, count()
              FROM (%s)
             GROUP BY attributed_kind, attributed_id""".formatted(new ViewText("conversation_attribution")
            .where("FROM touches", TOUCHES_IN_WINDOW).where("FROM agent_actions WHERE action = 'opened'", IN_PERIOD).select());

    private static final String ALL_CONVERSATIONS = """
            SELECT count()
              FROM conversation_facts
             WHERE workspace_id = :workspace AND opened_at >= toDateTime(:from, 'UTC') AND opened_at < toDateTime(:to, 'UTC')""";

    private static final String CONVERSIONS = """
            SELECT attributed_kind, attributed_id, revenue_currency, count(), sum(revenue)
              FROM (%s)
             GROUP BY attributed_kind, attributed_id, revenue_currency
             ORDER BY attributed_kind, attributed_id, revenue_currency""".formatted(
            new ViewText("conversion_attribution")
                    .where("FROM touches", TOUCHES_IN_WINDOW).where("FROM conversions", IN_PERIOD).select());

    private static final String CLICKS_BY = """
            SELECT link_id, source, device, country, count() AS clicks
              FROM link_clicks FINAL
             WHERE workspace_id = :workspace AND event_time >= toDateTime(:from, 'UTC') AND event_time < toDateTime(:to, 'UTC')
             GROUP BY link_id, source, device, country
             ORDER BY link_id, clicks DESC, source, device, country""";

    private final FactQueries facts;
    private final AttributionWindows windows;

    AttributionReport(FactQueries facts, AttributionWindows windows) {
        this.facts = facts;
        this.windows = windows;
    }

    /** The period's conversations per attributed touch: kind, id, conversations. */
    static StatementSpec conversations(FactQueries facts, AttributionWindows.InUse windows, ReportPeriod period) {
        return facts.sql(CONVERSATIONS, period).param("window", windows.conversationSeconds());
    }

    /** The period's conversions per attributed touch and currency: kind, id, currency, conversions, revenue. */
    static StatementSpec conversions(FactQueries facts, AttributionWindows.InUse windows, ReportPeriod period) {
        return facts.sql(CONVERSIONS, period).param("window", windows.conversionSeconds());
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Touch(String kind, String id) {
        static final Comparator<Touch> ORDER = Comparator.comparing(Touch::kind).thenComparing(Touch::id);

        static Touch of(String kind, String id) {
            return kind.isEmpty() ? new Touch(NONE, "") : new Touch(kind, id);
        }
    }

    @Override
    public Report build(ReportPeriod period) {
        // the six queries are independent: each runs beside the others and the report is put together here
        AttributionWindows.InUse inUse = windows.inUse();
        CompletableFuture<List<Object[]>> reached = facts.rows(facts.sql(TOUCHES, period), TEXT_TEXT_COUNT);
        CompletableFuture<List<Object[]>> linkClicks = facts.rows(facts.sql(CLICKS, period),
                (rs, i) -> new Object[] {rs.getString(1), rs.getLong(2)});
        CompletableFuture<List<Object[]>> conversations = facts.rows(conversations(facts, inUse, period), TEXT_TEXT_COUNT);
        CompletableFuture<Long> allConversations = facts.async(() -> facts.sql(ALL_CONVERSATIONS, period).query(Long.class)
                .single());
        CompletableFuture<List<Object[]>> conversions = facts.rows(conversions(facts, inUse, period), (rs, i) -> new Object[] {
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5)});
        CompletableFuture<List<Object[]>> clicksBy = facts.rows(facts.sql(CLICKS_BY, period), (rs, i) -> new Object[] {
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)});
        Map<Touch, long[]> touches = new TreeMap<>(Touch.ORDER);
        for (Object[] row : FactQueries.get(reached)) {
            touches.computeIfAbsent(Touch.of((String) row[0], (String) row[1]), k -> new long[4])[0] = (Long) row[2];
        }
        for (Object[] row : FactQueries.get(linkClicks)) {
            touches.computeIfAbsent(new Touch("link", (String) row[0]), k -> new long[4])[1] = (Long) row[1];
        }
        long attributed = 0;
        for (Object[] row : FactQueries.get(conversations)) {
            touches.computeIfAbsent(Touch.of((String) row[0], (String) row[1]), k -> new long[4])[2] = (Long) row[2];
            attributed += (Long) row[2];
        }
        long unattributed = FactQueries.get(allConversations) - attributed;
        if (unattributed > 0) {
            touches.computeIfAbsent(new Touch(NONE, ""), k -> new long[4])[2] = unattributed;
        }
        Section revenue = new Section("revenue", "Conversions and revenue per currency", Column.text("touch_kind"),
                Column.text("touch_id"), Column.text("currency"), Column.count("conversions"), Column.amount("revenue"));
        for (Object[] row : FactQueries.get(conversions)) {
            Touch touch = Touch.of((String) row[0], (String) row[1]);
            touches.computeIfAbsent(touch, k -> new long[4])[3] += (Long) row[3];
            revenue.add(touch.kind(), touch.id(), row[2], row[3], amount((BigDecimal) row[4]));
        }

        Section summary = new Section("touches", "Per broadcast, flow and link", Column.text("touch_kind"),
                Column.text("touch_id"), Column.count("reached"), Column.count("clicks"), Column.count("conversations"),
                Column.count("conversions"));
        touches.forEach((touch, n) -> summary.add(touch.kind(), touch.id(), n[0], n[1], n[2], n[3]));

        Section clicks = new Section("clicks", "Link clicks by source, device and country", Column.text("link_id"),
                Column.text("source"), Column.text("device"), Column.text("country"), Column.count("clicks"));
        FactQueries.get(clicksBy).forEach(clicks::add);
        List<Section> sections = new ArrayList<>(List.of(summary, revenue, clicks));
        return new Report(NAME, period, sections, List.of(Definitions.day(period), Definitions.TOUCH,
                windows.definition(inUse), "reached: touches in the period; clicks: every click of the link, tied to a contact or not; "
                        + "(none): conversations and conversions with no touch in their window", Definitions.ONCE));
    }

    private static final RowMapper<Object[]> TEXT_TEXT_COUNT = (rs, i) -> new Object[] {rs.getString(1), rs.getString(2),
            rs.getLong(3)};

    /** An amount as written, without trailing zeros: 499.0000 reads 499. */
    static BigDecimal amount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
