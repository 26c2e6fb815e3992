package com.wapi.analytics.alerts;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The quarantine grows: at least the setting's number of the workspace's items quarantined in the last hour, not replayed. */
@Component
@Order(6)
class QuarantineRule implements AlertRule {

    static final String NAME = "quarantine";
    static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient db;

    QuarantineRule(JdbcClient db) {
        this.db = db;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Quarantine growing";
    }

    @Override
    public List<Finding> judge(Scope scope) {
        record Count(long items, String topReason) {
        }
        Count count = db.sql("""
                SELECT count(*) AS items, mode() WITHIN GROUP (ORDER BY reason) AS top_reason FROM quarantine
                 WHERE workspace_id = ? AND replayed_at IS NULL AND quarantined_at >= ? AND quarantined_at <= ?""")
                .params(scope.workspace().id(), Timestamp.from(scope.now().minus(WINDOW)), Timestamp.from(scope.now()))
                .query(Count.class).single();
        int growth = scope.settings().quarantineGrowth();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("quarantined_last_hour", count.items());
        figures.put("top_reason", count.topReason() == null ? "none" : count.topReason());
        figures.put("threshold", growth);
        String summary = count.items() + " events quarantined in the last hour (alert at " + growth + ")"
                + (count.items() == 0 ? "" : ", mostly " + count.topReason()
                        + ": `SELECT item_path, reason, detail FROM quarantine WHERE workspace_id = '" + scope.workspace().id()
                        + "' AND replayed_at IS NULL` shows them; once the cause is fixed, `scripts/wapi etl --replay-quarantine`");
        return List.of(new Finding("quarantine", count.items() >= growth, summary, figures));
    }
}
