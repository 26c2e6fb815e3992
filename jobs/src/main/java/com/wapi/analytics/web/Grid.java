package com.wapi.analytics.web;

import com.wapi.analytics.report.Column;
import com.wapi.analytics.report.Report;
import com.wapi.analytics.report.ReportWriter;
import com.wapi.analytics.report.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A report section as an HTML table: each cell shows the value as the CLI's table prints it and carries the value as
 * the CLI's JSON has it (data-value), so the page can be checked against `scripts/wapi report ... --format json`.
 */
public record Grid(String report, String section, String title, List<Head> heads, List<List<Cell>> rows) {

    public record Head(String name, String label, boolean numeric) {
    }

    /** A cell: its text, its JSON value, and optionally a link to the rows behind it and a small chart (SVG) before it. */
    public record Cell(String text, String value, boolean numeric, String href, String svg) {

        Cell linked(String to) {
            return new Cell(text, value, numeric, to, svg);
        }

        Cell drawn(String chart, String caption) {
            return new Cell(caption, value, numeric, href, chart);
        }
    }

    /** Adds a link or a chart to a cell, given its column and row. */
    interface Decorator {
        Cell decorate(String column, Section section, List<Object> row, Cell cell);
    }

    static final Decorator PLAIN = (column, section, row, cell) -> cell;

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    static Grid of(Report report, String sectionName, Decorator decorator, String... columns) {
        return of(report, sectionName, decorator, row -> true, columns);
    }

    /** The section's columns named (all when none are named), its rows filtered. */
    static Grid of(Report report, String sectionName, Decorator decorator, Predicate<List<Object>> keep, String... columns) {
        Section section = report.section(sectionName);
        ObjectNode json = ReportWriter.toJson(report);
        JsonNode jsonRows = findSection(json, sectionName).get("rows");
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < section.columns().size(); i++) {
            if (columns.length == 0 || List.of(columns).contains(section.columns().get(i).name())) {
                shown.add(i);
            }
        }
        List<Head> heads = shown.stream().map(i -> section.columns().get(i))
                .map(c -> new Head(c.name(), c.name().replace('_', ' '), numeric(c.kind()))).toList();
        List<List<Cell>> rows = new ArrayList<>();
        for (int r = 0; r < section.rows().size(); r++) {
            List<Object> row = section.rows().get(r);
            if (!keep.test(row)) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            for (int i : shown) {
                Column column = section.columns().get(i);
                Cell cell = new Cell(ReportWriter.tableCell(column.kind(), row.get(i)),
                        jsonRows.get(r).get(column.name()).toString(), numeric(column.kind()), null, null);
                cells.add(decorator.decorate(column.name(), section, row, cell));
            }
            rows.add(cells);
        }
        return new Grid(report.name(), sectionName, section.title(), heads, rows);
    }

    static Grid of(Report report, String sectionName, String... columns) {
        return of(report, sectionName, PLAIN, row -> true, columns);
    }

    private static JsonNode findSection(ObjectNode json, String name) {
        for (JsonNode section : json.get("sections")) {
            if (section.get("name").asString().equals(name)) {
                return section;
            }
        }
        throw new IllegalArgumentException("no section " + name);
    }

    private static boolean numeric(Column.Kind kind) {
        return kind != Column.Kind.TEXT && kind != Column.Kind.TIME;
    }
}
