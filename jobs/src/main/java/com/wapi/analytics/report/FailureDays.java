package com.wapi.analytics.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Failed messages per error code and subcode and per local day of the period, as the failures report counts them. */
@Component
public class FailureDays {

    private static final String PER_DAY = """
            SELECT failure_code, failure_subcode, toString(toDate(sent_at, :zone)) AS day, count()
              FROM %s
             WHERE state = 'failed'
             GROUP BY failure_code, failure_subcode, day""".formatted(
            MessageStates.ofFailed("workspace_id = :workspace", MessageStates.SENT_BETWEEN));

    private final FactQueries facts;

    public FailureDays(FactQueries facts) {
        this.facts = facts;
    }

    /** Counts per "code/subcode", one per day from the period's first day. */
    public Map<String, long[]> perDay(ReportPeriod period) {
        Map<String, long[]> counts = new HashMap<>();
        facts.sql(PER_DAY, period).param("zone", period.zone().getId()).query(rs -> {
            int day = (int) ChronoUnit.DAYS.between(period.from(), LocalDate.parse(rs.getString(3)));
            counts.computeIfAbsent(key(rs.getInt(1), rs.getInt(2)), k -> new long[(int) period.days()])[day] += rs.getLong(4);
        });
        return counts;
    }

    public static String key(Object code, Object subcode) {
        return code + "/" + subcode;
    }
}
