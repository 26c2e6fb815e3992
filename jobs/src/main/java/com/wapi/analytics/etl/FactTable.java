package com.wapi.analytics.etl;

import com.wapi.analytics.clickhouse.TabSeparatedRows;
import com.wapi.analytics.readers.facts.Fact;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A ClickHouse fact table fed by one fact record type. Columns are the record's components in snake_case
 * (errorSubcode -> error_subcode) plus raw_event_id; FactTableSchemaTests checks the DDL in clickhouse/ agrees.
 */
public final class FactTable {

    /** Writes one column of a fact into a TabSeparated row. */
    @FunctionalInterface
    private interface Column {
        void write(Fact fact, TabSeparatedRows out) throws Throwable;
    }

    private final String name;
    private final Class<? extends Fact> type;
    private final List<String> columns;
    private final Column[] writers;

    FactTable(String name, Class<? extends Fact> type) {
        this.name = name;
        this.type = type;
        List<String> cols = new ArrayList<>();
        List<Column> handles = new ArrayList<>();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        for (RecordComponent component : type.getRecordComponents()) {
            cols.add(snakeCase(component.getName()));
            try {
                handles.add(column(lookup.unreflect(component.getAccessor()), component.getType()));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("fact record " + type.getName() + " must be public", e);
            }
        }
        cols.add("raw_event_id");
        this.columns = List.copyOf(cols);
        this.writers = handles.toArray(Column[]::new);
    }

    /** A writer of the component's value: times as Unix time, booleans as 0/1, null strings as empty. */
    private static Column column(MethodHandle accessor, Class<?> type) {
        if (type == String.class) {
            MethodHandle get = accessor.asType(MethodType.methodType(String.class, Fact.class));
            return (fact, out) -> out.string((String) get.invokeExact(fact));
        }
        if (type == int.class) {
            MethodHandle get = accessor.asType(MethodType.methodType(int.class, Fact.class));
            return (fact, out) -> out.number((int) get.invokeExact(fact));
        }
        if (type == long.class) {
            MethodHandle get = accessor.asType(MethodType.methodType(long.class, Fact.class));
            return (fact, out) -> out.number((long) get.invokeExact(fact));
        }
        if (type == short.class) {
            MethodHandle get = accessor.asType(MethodType.methodType(short.class, Fact.class));
            return (fact, out) -> out.number((short) get.invokeExact(fact));
        }
        if (type == boolean.class) {
            MethodHandle get = accessor.asType(MethodType.methodType(boolean.class, Fact.class));
            return (fact, out) -> out.bool((boolean) get.invokeExact(fact));
        }
        if (type == Instant.class) {
            MethodHandle get = accessor.asType(MethodType.methodType(Instant.class, Fact.class));
            return (fact, out) -> out.dateTime((Instant) get.invokeExact(fact));
        }
        if (type == BigDecimal.class) {
            MethodHandle get = accessor.asType(MethodType.methodType(BigDecimal.class, Fact.class));
            return (fact, out) -> out.decimal((BigDecimal) get.invokeExact(fact));
        }
        throw new IllegalStateException("no ClickHouse column type for fact component type " + type.getName());
    }

    public String name() {
        return name;
    }

    public Class<? extends Fact> type() {
        return type;
    }

    public List<String> columns() {
        return columns;
    }

    /** Appends the fact as one row (its components, then raw_event_id) in the order of {@link #columns()}. */
    void write(Fact fact, long rawEventId, TabSeparatedRows out) {
        for (int i = 0; i < writers.length; i++) {
            try {
                writers[i].write(fact, out);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot write " + columns.get(i) + " of " + fact, e);
            }
        }
        out.number(rawEventId);
        out.endRow();
    }

    static String snakeCase(String camel) {
        return Arrays.stream(camel.split("(?=[A-Z])")).map(String::toLowerCase).collect(Collectors.joining("_"));
    }
}
