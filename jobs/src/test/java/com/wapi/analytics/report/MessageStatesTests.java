package com.wapi.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.support.FactsFixture;
import com.wapi.analytics.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link MessageStates} gives exactly the rows of the view message_state, every column, for the messages it selects:
 * statuses before their send, statuses of sends the product never made, duplicate deliveries, a failure after a
 * delivery, a refused send, messages sent around the period's edges and another workspace's message with the same
 * wamid.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageStatesTests extends IntegrationTest {

    static final String WS = "ms-sales";
    static final String OTHER = "ms-other";
    static final Map<String, Object> PERIOD = Map.of("workspace", WS, "from", "2026-11-10 00:00:00",
            "to", "2026-11-11 00:00:00");

    @Autowired ClickHouse clickHouse;

    @BeforeAll
    void messages() {
        FactsFixture facts = new FactsFixture(clickHouse);
        facts.status(WS, "early", "delivered", Instant.parse("2026-11-10T08:00:00Z"), 0);
        facts.broadcastMessage(WS, "bc_1", "early", Instant.parse("2026-11-10T08:00:05Z"), "sent", 0);
        facts.broadcastMessage(WS, "bc_1", "twice", Instant.parse("2026-11-10T09:00:00Z"), "delivered", 0);
        facts.status(WS, "twice", "delivered", Instant.parse("2026-11-10T09:00:30Z"), 0);
        facts.broadcastMessage(WS, "bc_1", "late-fail", Instant.parse("2026-11-10T10:00:00Z"), "read", 0);
        facts.status(WS, "late-fail", "failed", Instant.parse("2026-11-10T11:00:00Z"), 131026);
        facts.broadcastMessage(WS, "bc_2", "failed", Instant.parse("2026-11-10T12:00:00Z"), "failed", 131049);
        facts.sendFailed(WS, "bc_2", "failed:e1", Instant.parse("2026-11-10T12:30:00Z"), 131030);
        facts.broadcastMessage(WS, "bc_2", "before", Instant.parse("2026-11-09T23:59:59Z"), "read", 0);
        facts.status(WS, "before", "read", Instant.parse("2026-11-10T00:10:00Z"), 0);
        facts.broadcastMessage(WS, "bc_2", "after", Instant.parse("2026-11-11T00:00:00Z"), "delivered", 0);
        facts.status(WS, "stranger", "delivered", Instant.parse("2026-11-10T13:00:00Z"), 0);
        facts.broadcastMessage(OTHER, "bc_9", "twice", Instant.parse("2026-11-10T09:00:00Z"), "failed", 131049);
    }

    @Test
    void theMessagesSentInAPeriodAreTheViewsRowsForThatPeriod() {
        List<String> view = rows("message_state WHERE workspace_id = :workspace AND sent_at >= toDateTime(:from, 'UTC') "
                + "AND sent_at < toDateTime(:to, 'UTC')");
        assertThat(view).hasSize(5);
        assertThat(rows(MessageStates.of("workspace_id = :workspace", MessageStates.SENT_BETWEEN))).isEqualTo(view);
    }

    @Test
    void theFailedOnesAreTheViewsFailedRows() {
        List<String> view = rows("message_state WHERE workspace_id = :workspace AND sent_at >= toDateTime(:from, 'UTC') "
                + "AND sent_at < toDateTime(:to, 'UTC') AND state = 'failed'");
        assertThat(view).hasSize(2);
        assertThat(rows(MessageStates.ofFailed("workspace_id = :workspace", MessageStates.SENT_BETWEEN)
                + " WHERE state = 'failed'")).isEqualTo(view);
    }

    @Test
    void aBroadcastsMessagesAreTheViewsRowsForThatBroadcast() {
        List<String> view = rows("message_state WHERE workspace_id = :workspace AND broadcast_id = 'bc_2'");
        assertThat(view).hasSize(4);
        assertThat(rows(MessageStates.of("workspace_id = :workspace", "broadcast_id = 'bc_2'"))).isEqualTo(view);
    }

    /** Every column of each row, in message order. */
    private List<String> rows(String from) {
        return clickHouse.sql().sql("SELECT * FROM " + from + " ORDER BY workspace_id, message_key")
                .params(PERIOD).query((rs, i) -> {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.append(rs.getMetaData().getColumnName(c)).append('=').append(rs.getString(c)).append(' ');
                    }
                    return row.toString();
                }).list();
    }
}
