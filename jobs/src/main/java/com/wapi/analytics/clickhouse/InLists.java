package com.wapi.analytics.clickhouse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits the values of {@code IN (...)} lists into batches whose query stays well under ClickHouse's
 * {@code max_query_size} (262,144 bytes by default): each batch's values take at most {@link #MAX_BYTES}, counted
 * quoted and escaped at worst (every byte doubled).
 */
public final class InLists {

    public static final int MAX_BYTES = 100_000;

    private InLists() {
    }

    /** @param values the strings of one item that go into the query's lists */
    public static <T> List<List<T>> batches(List<T> items, Function<T, List<String>> values) {
        List<List<T>> batches = new ArrayList<>();
        List<T> batch = new ArrayList<>();
        long bytes = 0;
        for (T item : items) {
            long size = 0;
            for (String value : values.apply(item)) {
                size += 2L * value.getBytes(StandardCharsets.UTF_8).length + 4;
            }
            if (!batch.isEmpty() && bytes + size > MAX_BYTES) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(item);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
