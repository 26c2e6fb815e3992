package com.wapi.analytics.alerts;

import com.wapi.analytics.clickhouse.ClickHouse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A template whose latest quality is RED, or whose latest status is PAUSED or DISABLED (Meta's template webhooks). */
@Component
@Order(3)
class TemplateRule implements AlertRule {

    static final String NAME = "template";

    private static final Set<String> STOPPED = Set.of("PAUSED", "DISABLED");

    private static final String LATEST = """
            SELECT template_id, argMax(template_name, event_time) AS name, argMax(language, event_time) AS language,
                   argMaxIf(event, event_time, kind = 'status') AS status,
                   argMaxIf(new_quality, event_time, kind = 'quality') AS quality,
                   toUInt32(max(event_time)) AS changed_at
              FROM template_events FINAL
             WHERE workspace_id = :workspace AND kind IN ('status', 'quality')
             GROUP BY template_id""";

    private final ClickHouse clickHouse;

    TemplateRule(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Template paused, disabled or RED";
    }

    @Override
    public List<Finding> judge(Scope scope) {
        return clickHouse.sql().sql(LATEST).param("workspace", scope.workspace().id()).query((rs, n) -> {
            String status = rs.getString("status");
            String quality = rs.getString("quality");
            boolean firing = STOPPED.contains(status) || "RED".equals(quality);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("template_id", rs.getString("template_id"));
            figures.put("template", rs.getString("name"));
            figures.put("language", rs.getString("language"));
            figures.put("status", status.isEmpty() ? "unknown" : status);
            figures.put("quality", quality.isEmpty() ? "unknown" : quality);
            figures.put("changed_at", Instant.ofEpochSecond(rs.getLong("changed_at")).toString());
            String language = rs.getString("language");
            String summary = "template " + rs.getString("name") + (language.isEmpty() ? "" : " (" + language + ")")
                    + ": status " + figures.get("status") + ", quality " + figures.get("quality") + " since "
                    + figures.get("changed_at") + (STOPPED.contains(status)
                            ? "; sends with it fail until it is fixed in WhatsApp Manager"
                            : "RED".equals(quality) ? "; Meta may pause it: review its content and who receives it" : "");
            return new Finding(rs.getString("template_id"), firing, summary, figures);
        }).list();
    }
}
