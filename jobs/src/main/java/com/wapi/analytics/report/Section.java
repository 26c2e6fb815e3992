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
}
