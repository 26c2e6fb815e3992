package com.wapi.analytics.export;

import com.wapi.analytics.readers.errors.MetaErrorCatalogue;
import com.wapi.analytics.report.Column;
import com.wapi.analytics.report.FactQueries;
import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.ReportPeriod;
import com.wapi.analytics.report.Reports;
import com.wapi.analytics.report.Section;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * A row per broadcast: the delivery report's funnel and top failure, the attribution report's conversations,
 * conversions and revenue, and when the broadcast was launched. No figure is computed here: cells are filled by
 * column name, so a column added to a report or to this export never shifts another. Revenue is one column
 * per currency earned in the period ({@code revenue_INR}, ...), after the fixed columns, so that a broadcast stays one
 * row whose figures add up and a new currency never shifts a column.
 */
@Component
class BroadcastsExport {

    static final List<Column> COLUMNS = List.of(Column.text("broadcast_id"), Column.text("name"), Column.text("template"),
            Column.time("launched_at"), Column.count("targeted"), Column.count("sent"), Column.count("delivered"),
            Column.count("read"), Column.count("failed"), Column.count("pending"), Column.rate("delivery_rate"), Column.rate("read_rate"),
            Column.text("top_failure_code"), Column.text("top_failure_label"), Column.count("conversations"),
            Column.count("conversions"));

    static final String REVENUE = "revenue_";

    private static final String LAUNCHES = """
            SELECT broadcast_id, toUInt32(min(event_time)) FROM broadcasts FINAL
             WHERE workspace_id = :workspace GROUP BY broadcast_id""";

    private final Reports reports;
    private final FactQueries facts;

    BroadcastsExport(Reports reports, FactQueries facts) {
        this.reports = reports;
        this.facts = facts;
    }

    long write(ReportPeriod period, ExportFormat format, OutputStream out) throws IOException {
        Section delivery = reports.run("delivery", period.workspaceId(), period.from(), period.to()).section("broadcasts");
        Report attribution = reports.run("attribution", period.workspaceId(), period.from(), period.to());
        Section touches = attribution.section("touches");
        Map<String, List<Object>> attributed = new HashMap<>();
        for (List<Object> row : touches.rows()) {
            if ("broadcast".equals(touches.value(row, "touch_kind"))) {
                attributed.put((String) touches.value(row, "touch_id"), row);
            }
        }
        Section revenueSection = attribution.section("revenue");
        Map<String, Map<String, BigDecimal>> revenue = new HashMap<>();
        TreeSet<String> currencies = new TreeSet<>();
        for (List<Object> row : revenueSection.rows()) {
            if ("broadcast".equals(revenueSection.value(row, "touch_kind"))) {
                String currency = (String) revenueSection.value(row, "currency");
                currencies.add(currency);
                revenue.computeIfAbsent((String) revenueSection.value(row, "touch_id"), k -> new TreeMap<>())
                        .put(currency, (BigDecimal) revenueSection.value(row, "revenue"));
            }
        }
        Map<String, Long> launches = new HashMap<>();
        facts.sql(LAUNCHES, period).query(rs -> {
            launches.put(rs.getString(1), rs.getLong(2));
        });

        List<Column> columns = new ArrayList<>(COLUMNS);
        currencies.forEach(currency -> columns.add(Column.amount(REVENUE + currency)));
        long rows = 0;
        try (ExportTable table = format.open(out, "broadcasts", columns)) {
            for (List<Object> r : delivery.rows()) {
                String id = (String) delivery.value(r, "broadcast_id");
                Integer topCode = (Integer) delivery.value(r, "top_failure_code");
                List<Object> touch = attributed.get(id);
                Long launched = launches.get(id);
                Map<String, Object> cells = new HashMap<>();
                for (Column column : columns) {
                    if (delivery.has(column.name())) {
                        cells.put(column.name(), delivery.value(r, column.name()));
                    }
                }
                cells.put("launched_at", launched == null ? null : period.local(launched));
                cells.put("top_failure_code", topCode == null ? null : topCode.toString());
                cells.put("top_failure_label", topCode == null ? null : MetaErrorCatalogue.describe(topCode, "").label());
                cells.put("conversations", touch == null ? 0L : touches.value(touch, "conversations"));
                cells.put("conversions", touch == null ? 0L : touches.value(touch, "conversions"));
                Map<String, BigDecimal> earned = revenue.getOrDefault(id, Map.of());
                currencies.forEach(currency -> cells.put(REVENUE + currency, earned.getOrDefault(currency, BigDecimal.ZERO)));
                table.row(Column.cells(columns, cells));
                rows++;
            }
            table.finish();
        }
        return rows;
    }
}
