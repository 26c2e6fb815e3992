package com.wapi.analytics.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One table of a report: a name (used by --section and the API's section parameter), its columns and rows. */
public record Section(String name, String title, List<Column> columns, List<List<Object>> rows) {

    public Section(String name, String title, Column... columns) {
        this(name, title, List.of(columns), new ArrayList<>());
    }

    public Section add(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(name + ": " + cells.length + " cells for " + columns.size() + " columns");
        }
        rows.add(Arrays.asList(cells));
        return this;
    }

    public boolean has(String column) {
        return columns.stream().anyMatch(c -> c.name().equals(column));
    }

    /** The value of the named column in one of this section's rows, so that readers never depend on positions. */
    public Object value(List<Object> row, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return row.get(i);
            }
        }
        throw new IllegalArgumentException(name + " has no column " + column);
    }
}
