package com.wapi.analytics.export;

import com.wapi.analytics.csv.SafeCsv;
import com.wapi.analytics.readers.errors.MetaErrorCatalogue;
import com.wapi.analytics.report.FactQueries;
import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.ReportWriter;
import com.wapi.analytics.report.Reports;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * A row per broadcast: the delivery report's funnel and top failure, the attribution report's conversations,
 * conversions and revenue, and when the broadcast was launched. No figure is computed here.
 */
@Component
class BroadcastsExport {

    static final String[] HEADER = {"broadcast_id", "name", "template", "launched_at", "targeted", "sent", "delivered",
        "read", "failed", "delivery_rate", "read_rate", "top_failure_code", "top_failure_label", "conversations",
        "conversions", "revenue"};

    private static final String LAUNCHES = """
            SELECT broadcast_id, toUInt32(min(event_time)) FROM broadcasts FINAL
             WHERE workspace_id = :workspace GROUP BY broadcast_id""";

    private final Reports reports;
    private final FactQueries facts;

    BroadcastsExport(Reports reports, FactQueries facts) {
        this.reports = reports;
        this.facts = facts;
    }

    long write(ReportPeriod period, Writer out) throws IOException {
        Report delivery = reports.run("delivery", period.workspaceId(), period.from(), period.to());
        Report attribution = reports.run("attribution", period.workspaceId(), period.from(), period.to());
        Map<String, long[]> attributed = new HashMap<>();
        for (List<Object> row : attribution.section("touches").rows()) {
            if ("broadcast".equals(row.get(0))) {
                attributed.put((String) row.get(1), new long[] {(Long) row.get(4), (Long) row.get(5)});
            }
        }
        Map<String, List<String>> revenue = new HashMap<>();
        for (List<Object> row : attribution.section("revenue").rows()) {
            if ("broadcast".equals(row.get(0))) {
                revenue.computeIfAbsent((String) row.get(1), k -> new ArrayList<>())
                        .add(((BigDecimal) row.get(4)).toPlainString() + " " + row.get(2));
            }
        }
        Map<String, Long> launches = new HashMap<>();
        facts.sql(LAUNCHES, period).query(rs -> {
            launches.put(rs.getString(1), rs.getLong(2));
        });

        CSVPrinter csv = SafeCsv.printer(out, HEADER);
        long rows = 0;
        for (List<Object> r : delivery.section("broadcasts").rows()) {
            String id = (String) r.get(0);
            Integer topCode = (Integer) r.get(10);
            long[] conversations = attributed.getOrDefault(id, new long[2]);
            Long launched = launches.get(id);
            csv.printRecord(SafeCsv.text(id), SafeCsv.text((String) r.get(1)), SafeCsv.text((String) r.get(2)),
                    launched == null ? "" : ReportWriter.ISO_TIME.format(period.local(launched)),
                    r.get(3), r.get(4), r.get(5), r.get(6), r.get(7), r.get(8), r.get(9),
                    topCode == null ? "" : topCode,
                    topCode == null ? "" : SafeCsv.text(MetaErrorCatalogue.describe(topCode, "").label()),
                    conversations[0], conversations[1], SafeCsv.text(String.join("; ", revenue.getOrDefault(id, List.of()))));
            rows++;
        }
        csv.flush();
        return rows;
    }
}
