package com.wapi.analytics.support;

import com.wapi.analytics.clickhouse.ClickHouse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes facts straight into the ClickHouse fact tables, for tests of what reads them. */
public final class FactsFixture {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ClickHouse clickHouse;

    public FactsFixture(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** A broadcast message sent at {@code at} that ends in {@code finalStatus} (sent, delivered, read or failed). */
    public void broadcastMessage(String workspace, String broadcast, String wamid, Instant at, String finalStatus,
            int errorCode) {
        message(workspace, "broadcast", broadcast, wamid, at, finalStatus, errorCode);
    }

    /**
     * An outbound message of any source kind (broadcast, flow, agent, api, retry) that ends in {@code finalStatus};
     * {@code accepted}: Meta accepted it and sent no status yet.
     */
    public void message(String workspace, String sourceKind, String broadcast, String wamid, Instant at,
            String finalStatus, int errorCode) {
        clickHouse.sql().sql("""
                INSERT INTO outbound_messages (workspace_id, message_key, event_id, wamid, contact_id, event_time, accepted,
                    source_kind, broadcast_id, template_name, raw_event_id)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 'promo', 0)""")
                .params(workspace, wamid, "ev-" + wamid, wamid, "91" + Math.abs(wamid.hashCode()), UTC.format(at),
                        sourceKind, broadcast)
                .update();
        if (finalStatus.equals("accepted")) {
            return;
        }
        status(workspace, wamid, "sent", at.plusSeconds(1), 0);
        switch (finalStatus) {
            case "delivered" -> status(workspace, wamid, "delivered", at.plusSeconds(5), 0);
            case "read" -> {
                status(workspace, wamid, "delivered", at.plusSeconds(5), 0);
                status(workspace, wamid, "read", at.plusSeconds(60), 0);
            }
            case "failed" -> status(workspace, wamid, "failed", at.plusSeconds(5), errorCode);
            default -> { }
        }
    }

    /** A send the API refused (message.send_failed): targeted and failed, never accepted, no wamid. */
    public void sendFailed(String workspace, String broadcast, String key, Instant at, int errorCode) {
        clickHouse.sql().sql("""
                INSERT INTO outbound_messages (workspace_id, message_key, event_id, wamid, contact_id, event_time, accepted,
                    source_kind, broadcast_id, template_name, error_code, error_title, raw_event_id)
                VALUES (?, ?, ?, '', ?, ?, 0, 'broadcast', ?, 'promo', ?, ?, 0)""")
                .params(workspace, key, "ev-" + key, "91" + Math.abs(key.hashCode()), UTC.format(at), broadcast, errorCode,
                        "Meta title " + errorCode)
                .update();
    }

    /** A broadcast.created event: the campaign's launch. */
    public void broadcast(String workspace, String broadcast, String name, Instant launchedAt, long audienceSize) {
        clickHouse.sql().sql("""
                INSERT INTO broadcasts (workspace_id, broadcast_id, event_id, event_time, name, template_name, category,
                    audience_size, created_by, raw_event_id)
                VALUES (?, ?, ?, ?, ?, 'promo', 'MARKETING', ?, 'tester', 0)""")
                .params(workspace, broadcast, "ev-" + broadcast, UTC.format(launchedAt), name, audienceSize).update();
    }

    public void status(String workspace, String wamid, String status, Instant at, int errorCode) {
        clickHouse.sql().sql("""
                INSERT INTO message_status (workspace_id, wamid, status, event_time, error_code, error_title, raw_event_id)
                VALUES (?, ?, ?, ?, ?, ?, 0)""")
                .params(workspace, wamid, status, UTC.format(at), errorCode, errorCode == 0 ? "" : "Meta title " + errorCode)
                .update();
    }

    public void templateQuality(String workspace, String template, Instant at, String quality) {
        clickHouse.sql().sql("""
                INSERT INTO template_events (workspace_id, waba_id, event_time, kind, template_id, template_name, event,
                    new_quality, raw_event_id)
                VALUES (?, '1', ?, 'quality', ?, ?, ?, ?, 0)""")
                .params(workspace, UTC.format(at), "t-" + template, template, quality, quality).update();
    }

    /** A message_template_status_update: APPROVED, PAUSED, DISABLED, ... */
    public void templateStatus(String workspace, String template, Instant at, String event) {
        clickHouse.sql().sql("""
                INSERT INTO template_events (workspace_id, waba_id, event_time, kind, template_id, template_name, language,
                    event, raw_event_id)
                VALUES (?, '1', ?, 'status', ?, ?, 'en_US', ?, 0)""")
                .params(workspace, UTC.format(at), "t-" + template, template, event).update();
    }

    /** A phone_number_quality_update (FLAGGED, UNFLAGGED, DOWNGRADE, UPGRADE), kept as JSON like the etl keeps it. */
    public void phoneQuality(String workspace, String displayNumber, Instant at, String event, String currentLimit) {
        clickHouse.sql().sql("""
                INSERT INTO account_events (workspace_id, waba_id, phone_number_id, event_time, field, event, detail, raw_event_id)
                VALUES (?, '1', '', ?, 'phone_number_quality_update', ?, ?, 0)""")
                .params(workspace, UTC.format(at), event, "{\"display_phone_number\":\"" + displayNumber
                        + "\",\"event\":\"" + event + "\",\"current_limit\":\"" + currentLimit + "\"}")
                .update();
    }
}
