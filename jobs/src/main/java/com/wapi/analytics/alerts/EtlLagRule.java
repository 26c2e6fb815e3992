package com.wapi.analytics.alerts;

import com.wapi.analytics.etl.EtlCompleteness;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The facts are late: the oldest raw event of the workspace not loaded yet was received more than the setting ago. */
@Component
@Order(5)
class EtlLagRule implements AlertRule {

    static final String NAME = "etl_lag";

    private final EtlCompleteness etl;

    EtlLagRule(EtlCompleteness etl) {
        this.etl = etl;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Facts are late";
    }

    @Override
    public List<Finding> judge(Scope scope) {
        Instant oldest = etl.oldestUnloaded(scope.workspace().id()).orElse(null);
        Duration lag = oldest == null || oldest.isAfter(scope.now()) ? Duration.ZERO : Duration.between(oldest, scope.now());
        Duration limit = scope.settings().etlLag();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("lag_seconds", lag.toSeconds());
        figures.put("oldest_unloaded_received_at", oldest == null ? "none" : oldest.toString());
        figures.put("threshold", Durations.format(limit));
        String summary = oldest == null ? "every event received is loaded"
                : "the oldest event not loaded yet was received " + lag.toMinutes() + " minutes ago (" + oldest
                        + "; alert after " + Durations.format(limit) + "): reports and emails miss what came since; "
                        + "check that `scripts/wapi serve` runs and `scripts/wapi jobs` for failed etl runs";
        return List.of(new Finding("etl", lag.compareTo(limit) > 0, summary, figures));
    }
}
