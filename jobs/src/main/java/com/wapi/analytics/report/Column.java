package com.wapi.analytics.report;

import java.util.List;
import java.util.Map;

/** A report column: its name (snake_case, as in JSON and CSV headers) and how its values read. */
public record Column(String name, Kind kind) {

    public enum Kind {
        /** free text */
        TEXT,
        /** a whole number */
        COUNT,
        /** a fraction between 0 and 1, shown as a percentage in tables */
        RATE,
        /** a change of a rate, in percentage points (a fraction, signed) */
        RATE_CHANGE,
        /** a duration in seconds */
        SECONDS,
        /** a decimal amount of money */
        AMOUNT,
        /** an instant in the organization's offset */
        TIME
    }

    /**
     * A row's cells in the order of {@code columns}, taken by name from {@code byName}; a column without a value, or a
     * value without a column, is a mistake that would shift the row, so it throws.
     */
    public static Object[] cells(List<Column> columns, Map<String, Object> byName) {
        if (byName.size() != columns.size() || !columns.stream().allMatch(c -> byName.containsKey(c.name()))) {
            throw new IllegalArgumentException("cells " + byName.keySet() + " do not match the columns "
                    + columns.stream().map(Column::name).toList());
        }
        return columns.stream().map(c -> byName.get(c.name())).toArray();
    }

    public static Column text(String name) {
        return new Column(name, Kind.TEXT);
    }

    public static Column count(String name) {
        return new Column(name, Kind.COUNT);
    }

    public static Column rate(String name) {
        return new Column(name, Kind.RATE);
    }

    public static Column rateChange(String name) {
        return new Column(name, Kind.RATE_CHANGE);
    }

    public static Column seconds(String name) {
        return new Column(name, Kind.SECONDS);
    }

    public static Column amount(String name) {
        return new Column(name, Kind.AMOUNT);
    }

    public static Column time(String name) {
        return new Column(name, Kind.TIME);
    }
}
