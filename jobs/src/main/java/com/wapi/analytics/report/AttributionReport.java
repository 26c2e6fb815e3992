package com.wapi.analytics.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
             GROUP BY attributed_kind, attributed_id""".formatted(new ViewText("004_conversations.sql", "conversation_attribution")
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
            new ViewText("004_conversations.sql", "conversion_attribution")
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
    static StatementSpec conversations(FactQueries facts, AttributionWindows windows, ReportPeriod period) {
        return facts.sql(CONVERSATIONS, period).param("window", windows.inUse().conversationSeconds());
    }

    /** The period's conversions per attributed touch and currency: kind, id, currency, conversions, revenue. */
    static StatementSpec conversions(FactQueries facts, AttributionWindows windows, ReportPeriod period) {
        return facts.sql(CONVERSIONS, period).param("window", windows.inUse().conversionSeconds());
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
        Map<Touch, long[]> touches = new TreeMap<>(Touch.ORDER);
        facts.sql(TOUCHES, period).query(rs -> {
            touches.computeIfAbsent(Touch.of(rs.getString(1), rs.getString(2)), k -> new long[4])[0] = rs.getLong(3);
        });
        facts.sql(CLICKS, period).query(rs -> {
            touches.computeIfAbsent(new Touch("link", rs.getString(1)), k -> new long[4])[1] = rs.getLong(2);
        });
        long[] attributed = {0};
        conversations(facts, windows, period).query(rs -> {
            touches.computeIfAbsent(Touch.of(rs.getString(1), rs.getString(2)), k -> new long[4])[2] = rs.getLong(3);
            attributed[0] += rs.getLong(3);
        });
        long unattributed = facts.sql(ALL_CONVERSATIONS, period).query(Long.class).single() - attributed[0];
        if (unattributed > 0) {
            touches.computeIfAbsent(new Touch(NONE, ""), k -> new long[4])[2] = unattributed;
        }
        Section revenue = new Section("revenue", "Conversions and revenue per currency", Column.text("touch_kind"),
                Column.text("touch_id"), Column.text("currency"), Column.count("conversions"), Column.amount("revenue"));
        conversions(facts, windows, period).query(rs -> {
            Touch touch = Touch.of(rs.getString(1), rs.getString(2));
            touches.computeIfAbsent(touch, k -> new long[4])[3] += rs.getLong(4);
            revenue.add(touch.kind(), touch.id(), rs.getString(3), rs.getLong(4), amount(rs.getBigDecimal(5)));
        });

        Section summary = new Section("touches", "Per broadcast, flow and link", Column.text("touch_kind"),
                Column.text("touch_id"), Column.count("reached"), Column.count("clicks"), Column.count("conversations"),
                Column.count("conversions"));
        touches.forEach((touch, n) -> summary.add(touch.kind(), touch.id(), n[0], n[1], n[2], n[3]));

        Section clicks = new Section("clicks", "Link clicks by source, device and country", Column.text("link_id"),
                Column.text("source"), Column.text("device"), Column.text("country"), Column.count("clicks"));
        facts.sql(CLICKS_BY, period).query(rs -> {
            clicks.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
        });
        List<Section> sections = new ArrayList<>(List.of(summary, revenue, clicks));
        return new Report(NAME, period, sections, List.of(Definitions.day(period), Definitions.TOUCH,
                windows.definition(), "reached: touches in the period; clicks: every click of the link, tied to a contact or not; "
                        + "(none): conversations and conversions with no touch in their window", Definitions.ONCE));
    }

    /** An amount as written, without trailing zeros: 499.0000 reads 499. */
    static BigDecimal amount(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
