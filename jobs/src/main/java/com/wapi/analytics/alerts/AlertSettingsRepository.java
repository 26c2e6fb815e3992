package com.wapi.analytics.alerts;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertSettingsRepository {

    private static final String COLUMNS = """
            workspace_id, delivery_drop_points, min_volume, delivery_window_secs, error_spike_factor, error_spike_min,
            etl_lag_secs, quarantine_growth, webhook_url, webhook_secret""";

    private static final RowMapper<AlertSettings> ROW = (rs, n) -> new AlertSettings(rs.getString(1), rs.getInt(2),
            rs.getInt(3), Duration.ofSeconds(rs.getLong(4)), rs.getBigDecimal(5), rs.getInt(6),
            Duration.ofSeconds(rs.getLong(7)), rs.getInt(8), rs.getString(9), rs.getString(10));

    private final JdbcClient db;

    AlertSettingsRepository(JdbcClient db) {
        this.db = db;
    }

    /** The workspace's settings, or the defaults when it set none. */
    AlertSettings find(String workspaceId) {
        return db.sql("SELECT " + COLUMNS + " FROM alert_settings WHERE workspace_id = ?").param(workspaceId)
                .query(ROW).optional().orElseGet(() -> AlertSettings.defaults(workspaceId));
    }

    /** The settings of every workspace that set some; the others use the defaults. */
    Map<String, AlertSettings> findAll() {
        Map<String, AlertSettings> all = new HashMap<>();
        db.sql("SELECT " + COLUMNS + " FROM alert_settings").query(ROW).list().forEach(s -> all.put(s.workspaceId(), s));
        return all;
    }

    void save(AlertSettings s) {
        db.sql("""
                INSERT INTO alert_settings (workspace_id, delivery_drop_points, min_volume, delivery_window_secs,
                    error_spike_factor, error_spike_min, etl_lag_secs, quarantine_growth, webhook_url, webhook_secret)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id) DO UPDATE SET delivery_drop_points = excluded.delivery_drop_points,
                    min_volume = excluded.min_volume, delivery_window_secs = excluded.delivery_window_secs,
                    error_spike_factor = excluded.error_spike_factor, error_spike_min = excluded.error_spike_min,
                    etl_lag_secs = excluded.etl_lag_secs, quarantine_growth = excluded.quarantine_growth,
                    webhook_url = excluded.webhook_url, webhook_secret = excluded.webhook_secret, updated_at = now()""")
                .params(s.workspaceId(), s.deliveryDropPoints(), s.minVolume(), s.deliveryWindow().toSeconds(),
                        s.errorSpikeFactor(), s.errorSpikeMin(), s.etlLag().toSeconds(), s.quarantineGrowth(),
                        s.webhookUrl(), s.webhookSecret())
                .update();
    }
}
