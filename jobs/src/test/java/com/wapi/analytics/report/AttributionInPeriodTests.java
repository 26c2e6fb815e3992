package com.wapi.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The attribution reports read only the period's conversations and conversions and the touches that can be theirs,
 * and count exactly what the attribution views count. The period is 2026-11-10 (UTC); windows 72 hours and 7 days.
 * <pre>
 * contact  touches                                   opened / converted           attributed
 * c1       broadcast bc_a 11-09 22:00                opened 11-10 01:00           bc_a (touch before the period)
 *                                                    converted 11-10 05:00        bc_a
 * c2       link lnk_1 11-06 00:00, flow 11-10 03:00  opened 11-10 02:00           none: the click is 98 h before,
 *                                                                                 the flow after
 * c3       broadcast bc_a 11-09 20:00                opened 11-09 23:00           not the period's
 * c4       broadcast bc_b 11-10 10:00                opened 11-11 00:00           not the period's (end excluded)
 * c5       broadcast bc_b 11-03 04:00                converted 11-10 05:00        none: 169 h before
 * c6       broadcast bc_c 11-03 06:00                converted 11-10 05:00        bc_c: 167 h, inside 7 days but
 *                                                                                 long before the 72 hours
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributionInPeriodTests extends IntegrationTest {

    static final String WS = "attr-sales";
    static final LocalDate DAY = LocalDate.parse("2026-11-10");

    @Autowired Setup setup;
    @Autowired ClickHouse clickHouse;
    @Autowired Reports reports;
    @Autowired FactQueries facts;
    @Autowired AttributionWindows windows;

    ReportPeriod period;

    @BeforeAll
    void scenario() {
        setup.createOrganization("attr", "Attr Shop", "UTC", "owner@attr.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace(WS, "attr", "Sales");
        send("c1", "broadcast", "bc_a", "2026-11-09T22:00:00Z");
        open("c1", "cv1", "2026-11-10T01:00:00Z");
        convert("c1", "o1", "2026-11-10T05:00:00Z");
        click("c2", "lnk_1", "2026-11-06T00:00:00Z");
        send("c2", "flow", "fl_1", "2026-11-10T03:00:00Z");
        open("c2", "cv2", "2026-11-10T02:00:00Z");
        send("c3", "broadcast", "bc_a", "2026-11-09T20:00:00Z");
        open("c3", "cv3", "2026-11-09T23:00:00Z");
        send("c4", "broadcast", "bc_b", "2026-11-10T10:00:00Z");
        open("c4", "cv4", "2026-11-11T00:00:00Z");
        send("c5", "broadcast", "bc_b", "2026-11-03T04:00:00Z");
        convert("c5", "o5", "2026-11-10T05:00:00Z");
        send("c6", "broadcast", "bc_c", "2026-11-03T06:00:00Z");
        convert("c6", "o6", "2026-11-10T05:00:00Z");
        period = reports.period(WS, DAY, DAY);
    }

    @Test
    void conversationsAreTheViewsConversationsOfThePeriod() {
        List<String> view = rows("""
                SELECT attributed_kind, attributed_id, count() FROM conversation_attribution
                 WHERE workspace_id = :workspace AND conversation_opened_at >= toDateTime(:from, 'UTC')
                   AND conversation_opened_at < toDateTime(:to, 'UTC')
                 GROUP BY attributed_kind, attributed_id ORDER BY attributed_kind, attributed_id""");
        assertThat(view).containsExactly("broadcast bc_a 1");
        assertThat(AttributionReport.conversations(facts, windows.inUse(), period)
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3)).list()).isEqualTo(view);
    }

    @Test
    void conversionsAreTheViewsConversionsOfThePeriod() {
        List<String> view = rows("""
                SELECT attributed_kind, attributed_id, revenue_currency, count(), sum(revenue) FROM conversion_attribution
                 WHERE workspace_id = :workspace AND converted_at >= toDateTime(:from, 'UTC')
                   AND converted_at < toDateTime(:to, 'UTC')
                 GROUP BY attributed_kind, attributed_id, revenue_currency
                 ORDER BY attributed_kind, attributed_id, revenue_currency""");
        assertThat(view).containsExactly("  EUR 1 10", "broadcast bc_a EUR 1 10", "broadcast bc_c EUR 1 10");
        assertThat(AttributionReport.conversions(facts, windows.inUse(), period).query((rs, i) -> rs.getString(1) + " "
                + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4) + " "
                + AttributionReport.amount(rs.getBigDecimal(5))).list()).isEqualTo(view);
    }

    private List<String> rows(String sql) {
        return facts.sql(sql, period).query((rs, i) -> {
            StringBuilder row = new StringBuilder();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                Object value = rs.getObject(c);
                row.append(c == 1 ? "" : " ").append(value instanceof BigDecimal d ? AttributionReport.amount(d) : value);
            }
            return row.toString();
        }).list();
    }

    private void send(String contact, String kind, String id, String at) {
        clickHouse.sql().sql("""
                INSERT INTO outbound_messages (workspace_id, message_key, event_id, wamid, contact_id, event_time, accepted,
                    source_kind, broadcast_id, flow_id, raw_event_id)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 0)""")
                .params(WS, "w." + contact + at, "e." + contact + at, "w." + contact + at, contact, utc(at), kind,
                        kind.equals("broadcast") ? id : "", kind.equals("flow") ? id : "").update();
    }

    private void click(String contact, String link, String at) {
        clickHouse.sql().sql("""
                INSERT INTO link_clicks (workspace_id, event_id, event_time, link_id, click_id, contact_id, raw_event_id)
                VALUES (?, ?, ?, ?, ?, ?, 0)""").params(WS, "k." + contact, utc(at), link, "k." + contact, contact).update();
    }

    private void open(String contact, String conversation, String at) {
        clickHouse.sql().sql("""
                INSERT INTO agent_actions (workspace_id, event_id, event_time, action, conversation_id, contact_id, raw_event_id)
                VALUES (?, ?, ?, 'opened', ?, ?, 0)""").params(WS, "a." + conversation, utc(at), conversation, contact).update();
    }

    private void convert(String contact, String order, String at) {
        clickHouse.sql().sql("""
                INSERT INTO conversions (workspace_id, event_id, event_time, conversion_id, contact_id, amount, currency, raw_event_id)
                VALUES (?, ?, ?, ?, ?, 10, 'EUR', 0)""").params(WS, "v." + order, utc(at), order, contact).update();
    }

    private static String utc(String instant) {
        return ReportPeriod.CLICKHOUSE.format(Instant.parse(instant));
    }
}
