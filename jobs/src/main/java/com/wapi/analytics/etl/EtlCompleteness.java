package com.wapi.analytics.etl;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the facts hold every raw event received up to a moment, so that an email about a period never goes out
 * with partial figures. The cut is the period's end plus a grace ({@code wapi.mail.data-grace}): events received
 * just after the end may still belong to it, and an id drawn just before the cut may not be committed yet, so the
 * cut is only judged once it is a grace in the past.
 */
@Component
public class EtlCompleteness {

    private final JdbcClient db;
    private final EtlWatermark watermark;
    private final Duration grace;

    EtlCompleteness(JdbcClient db, EtlWatermark watermark, @Value("${wapi.mail.data-grace:PT5M}") Duration grace) {
        this.db = db;
        this.watermark = watermark;
        this.grace = grace;
    }

    public Duration grace() {
        return grace;
    }

    /**
     * When the oldest raw event of the workspace not loaded yet was received: a platform event of the workspace, or a
     * Meta body routed by one of its numbers or their business accounts. Empty when the etl is up to date with it.
     */
    public Optional<Instant> oldestUnloaded(String workspaceId) {
        return db.sql("""
                SELECT min(received_at) FROM raw_events
                 WHERE id > ? AND (workspace_id = ? OR route_key IN (
                       SELECT phone_number_id FROM phone_numbers WHERE workspace_id = ?
                       UNION SELECT waba_id FROM phone_numbers WHERE workspace_id = ? AND waba_id IS NOT NULL))""")
                .params(watermark.current(), workspaceId, workspaceId, workspaceId).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /** Empty when every raw event received before {@code end} (plus the grace) is loaded; otherwise why not. */
    public Optional<String> unloaded(Instant end, Instant now) {
        Instant cut = end.plus(grace);
        if (now.isBefore(cut.plus(grace))) {
            return Optional.of("events received up to " + cut + " may still be landing; it is decided after "
                    + cut.plus(grace));
        }
        long loaded = watermark.current();
        boolean behind = db.sql("SELECT EXISTS (SELECT 1 FROM raw_events WHERE id > ? AND received_at < ?)")
                .params(loaded, Timestamp.from(cut)).query(Boolean.class).single();
        return behind ? Optional.of("the etl has not yet loaded every raw event received before " + cut + " (loaded up "
                + "to id " + loaded + "); it goes out once the etl catches up (serve runs it every minute; "
                + "`scripts/wapi etl` runs it now)") : Optional.empty();
    }
}
