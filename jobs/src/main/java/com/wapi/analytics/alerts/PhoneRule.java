package com.wapi.analytics.alerts;

import com.wapi.analytics.clickhouse.ClickHouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A phone number's quality or messaging limit dropped (phone_number_quality_update): its latest FLAGGED/UNFLAGGED
 * event is FLAGGED (subject "NUMBER quality"), or its latest DOWNGRADE/UPGRADE is DOWNGRADE ("NUMBER limit").
 */
@Component
@Order(4)
class PhoneRule implements AlertRule {

    static final String NAME = "phone";

    private static final String LATEST = """
            SELECT replaceAll(visitParamExtractRaw(detail, 'display_phone_number'), '"', '') AS number,
                   argMaxIf(event, event_time, event IN ('FLAGGED', 'UNFLAGGED')) AS quality,
                   argMaxIf(event, event_time, event IN ('DOWNGRADE', 'UPGRADE')) AS limit_event,
                   argMaxIf(replaceAll(visitParamExtractRaw(detail, 'current_limit'), '"', ''), event_time,
                            event IN ('DOWNGRADE', 'UPGRADE')) AS current_limit
              FROM account_events FINAL
             WHERE workspace_id = :workspace AND field = 'phone_number_quality_update'
             GROUP BY number""";

    private final ClickHouse clickHouse;

    PhoneRule(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Phone number quality or messaging limit dropped";
    }

    @Override
    public List<Finding> judge(Scope scope) {
        List<Finding> findings = new ArrayList<>();
        clickHouse.sql().sql(LATEST).param("workspace", scope.workspace().id()).query(rs -> {
            String number = rs.getString("number");
            if (!rs.getString("quality").isEmpty()) {
                boolean flagged = rs.getString("quality").equals("FLAGGED");
                findings.add(new Finding(number + " quality", flagged, "number " + number + " is " + (flagged
                        ? "FLAGGED: its quality rating is low; its messaging limit may be lowered unless quality improves"
                        : "UNFLAGGED: its quality rating is back"), Map.of("number", number, "event", rs.getString("quality"))));
            }
            if (!rs.getString("limit_event").isEmpty()) {
                boolean downgraded = rs.getString("limit_event").equals("DOWNGRADE");
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("number", number);
                figures.put("event", rs.getString("limit_event"));
                figures.put("current_limit", rs.getString("current_limit"));
                findings.add(new Finding(number + " limit", downgraded, "number " + number + ": messaging limit "
                        + (downgraded ? "lowered" : "raised") + " to " + rs.getString("current_limit"), figures));
            }
        });
        return findings;
    }
}
