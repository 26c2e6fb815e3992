package com.wapi.analytics.etl;

import com.wapi.analytics.readers.facts.Fact;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A ClickHouse fact table fed by one fact record type. Columns are the record's components in snake_case
 * (errorSubcode -> error_subcode) plus raw_event_id; a test checks the DDL in clickhouse/ agrees.
 */
public final class FactTable {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final String name;
    private final List<String> columns;
    private final List<MethodHandle> accessors;
    private final String insertSql;

    FactTable(String name, Class<? extends Fact> type) {
        this.name = name;
        List<String> cols = new ArrayList<>();
        List<MethodHandle> handles = new ArrayList<>();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        for (RecordComponent component : type.getRecordComponents()) {
            cols.add(snakeCase(component.getName()));
            try {
                handles.add(lookup.unreflect(component.getAccessor()));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("fact record " + type.getName() + " must be public", e);
            }
        }
        cols.add("raw_event_id");
        this.columns = List.copyOf(cols);
        this.accessors = List.copyOf(handles);
        this.insertSql = "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    String insertSql() {
        return insertSql;
    }

    /** The row's values as the JDBC driver should bind them: times as UTC text, booleans as 0/1. */
    Object[] row(Fact fact, long rawEventId) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < accessors.size(); i++) {
            try {
                row[i] = bindable(accessors.get(i).invoke(fact));
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + columns.get(i) + " of " + fact, e);
            }
        }
        row[row.length - 1] = rawEventId;
        return row;
    }

    private static Object bindable(Object value) {
        if (value instanceof Instant instant) {
            return DATE_TIME.format(instant);
        }
        if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value == null ? "" : value;
    }

    static String snakeCase(String camel) {
        return Arrays.stream(camel.split("(?=[A-Z])")).map(String::toLowerCase).collect(Collectors.joining("_"));
    }
}
