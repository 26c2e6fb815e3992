package com.wapi.analytics.report;

import com.wapi.analytics.console.Table;
import com.wapi.analytics.csv.SafeCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes a {@link Report} as a terminal table, JSON or CSV; the values are the same in all three. */
public final class ReportWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** ISO-8601 with the organization's offset, seconds always present. */
    public static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private ReportWriter() {
    }

    /**
     * @param section the section to write as CSV (null: the first); ignored by the other formats, which write all
     */
    public static void write(Report report, ReportFormat format, String section, Writer out) {
        switch (format) {
            case table -> table(report, new PrintWriter(out));
            case json -> json(report, out);
            case csv -> csv(report.sectionOrFirst(section), out);
        }
    }

    public static ObjectNode toJson(Report report) {
        ObjectNode root = JSON.createObjectNode();
        ReportPeriod period = report.period();
        root.put("report", report.name());
        root.put("workspace_id", period.workspaceId());
        root.put("from", period.from().toString());
        root.put("to", period.to().toString());
        root.put("time_zone", period.zone().getId());
        ArrayNode sections = root.putArray("sections");
        for (Section section : report.sections()) {
            ObjectNode node = sections.addObject();
            node.put("name", section.name());
            node.put("title", section.title());
            ArrayNode rows = node.putArray("rows");
            for (List<Object> row : section.rows()) {
                ObjectNode json = rows.addObject();
                for (int i = 0; i < row.size(); i++) {
                    put(json, section.columns().get(i).name(), row.get(i));
                }
            }
        }
        ArrayNode definitions = root.putArray("definitions");
        report.definitions().forEach(definitions::add);
        return root;
    }

    private static void put(ObjectNode json, String name, Object value) {
        if (value == null) {
            json.putNull(name);
        } else if (value instanceof Long l) {
            json.put(name, l);
        } else if (value instanceof Integer i) {
            json.put(name, i);
        } else if (value instanceof Double d) {
            json.put(name, d);
        } else if (value instanceof BigDecimal b) {
            json.put(name, b);
        } else if (value instanceof OffsetDateTime t) {
            json.put(name, ISO_TIME.format(t));
        } else {
            json.put(name, value.toString());
        }
    }

    private static void json(Report report, Writer out) {
        try {
            out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report)));
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void csv(Section section, Writer out) {
        try {
            CSVPrinter printer = SafeCsv.printer(out, section.columns().stream().map(Column::name).toArray(String[]::new));
            for (List<Object> row : section.rows()) {
                for (Object value : row) {
                    printer.print(csvCell(value));
                }
                printer.println();
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object csvCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof OffsetDateTime t) {
            return ISO_TIME.format(t);
        }
        return SafeCsv.text(value.toString());
    }

    private static void table(Report report, PrintWriter out) {
        ReportPeriod period = report.period();
        out.printf("%s report: workspace %s, %s to %s (%s)%n", report.name(), period.workspaceId(), period.from(),
                period.to(), period.zone().getId());
        for (Section section : report.sections()) {
            out.println();
            out.println(section.title());
            if (section.rows().isEmpty()) {
                out.println("  (nothing in this period)");
                continue;
            }
            Table table = new Table(section.columns().stream().map(Column::name).toArray(String[]::new));
            for (List<Object> row : section.rows()) {
                Object[] cells = new Object[row.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = tableCell(section.columns().get(i).kind(), row.get(i));
                }
                table.row(cells);
            }
            table.print(out);
        }
        out.println();
        out.println("Definitions:");
        report.definitions().forEach(d -> out.println("  - " + d));
        out.flush();
    }

    public static String tableCell(Column.Kind kind, Object value) {
        if (value == null) {
            return "-";
        }
        return switch (kind) {
            case RATE -> String.format(Locale.ROOT, "%.1f%%", ((Number) value).doubleValue() * 100);
            case RATE_CHANGE -> String.format(Locale.ROOT, "%+.1f pts", ((Number) value).doubleValue() * 100);
            case SECONDS -> duration(((Number) value).longValue());
            case TIME -> TABLE_TIME.format((OffsetDateTime) value);
            case AMOUNT -> ((BigDecimal) value).toPlainString();
            case COUNT, TEXT -> value.toString();
        };
    }

    /** 59s, 4m 05s, 2h 03m, 3d 04h. */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86400) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", seconds / 86400, seconds % 86400 / 3600);
    }
}
