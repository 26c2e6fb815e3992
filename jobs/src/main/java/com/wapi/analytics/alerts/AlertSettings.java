package com.wapi.analytics.alerts;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workspace's alert thresholds (docs/definitions.md, Alerts). {@code webhookSecret} signs the webhook bodies and is
 * never printed after it was generated.
 */
public record AlertSettings(String workspaceId, int deliveryDropPoints, int minVolume, Duration deliveryWindow,
        BigDecimal errorSpikeFactor, int errorSpikeMin, Duration etlLag, int quarantineGrowth, String webhookUrl,
        String webhookSecret) {

    public static AlertSettings defaults(String workspaceId) {
        return new AlertSettings(workspaceId, 10, 200, Duration.ofHours(3), BigDecimal.valueOf(3), 50,
                Duration.ofMinutes(15), 20, null, null);
    }

    /** What `alerts set` prints and the admin audit keeps: every setting but the secret. */
    public Map<String, Object> describe() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("delivery-drop-points", deliveryDropPoints);
        settings.put("min-volume", minVolume);
        settings.put("delivery-window", Durations.format(deliveryWindow));
        settings.put("error-spike-factor", errorSpikeFactor.stripTrailingZeros().toPlainString());
        settings.put("error-spike-min", errorSpikeMin);
        settings.put("etl-lag", Durations.format(etlLag));
        settings.put("quarantine-growth", quarantineGrowth);
        settings.put("webhook-url", webhookUrl == null ? "off" : webhookUrl);
        return settings;
    }
}
