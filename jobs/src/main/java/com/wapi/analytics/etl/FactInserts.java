package com.wapi.analytics.etl;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.clickhouse.InsertRefusedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inserts of one table's rows of a chunk. One insert spans at most {@value #MAX_MONTHS_PER_INSERT} months, the
 * most partitions current ClickHouse releases take in one insert (max_partitions_per_insert_block). When ClickHouse
 * refuses a value of some row, the insert is split in halves until the refused rows stand alone; the other rows
 * load. Splitting depends only on the rows, so a chunk written again after a restart splits the same way, and the
 * rows that loaded twice are merged away (fact tables are ReplacingMergeTree on the fact's natural key).
 */
final class FactInserts {

    static final int MAX_MONTHS_PER_INSERT = 100;

    /** One row of the table, of the event it came from. */
    record Row(LoadedEvent event, LoadedEvent.Rows rows) {
    }

    private final ClickHouse clickHouse;
    private final FactTable table;

    FactInserts(ClickHouse clickHouse, FactTable table) {
        this.clickHouse = clickHouse;
        this.table = table;
    }

    /**
     * Inserts the rows; puts the raw event id and ClickHouse's message of each refused row into {@code refused}.
     *
     * @throws InsertRefusedException when ClickHouse refuses the insert for a reason other than a row's value
     */
    void insert(List<Row> rows, Map<Long, String> refused) {
        for (List<Row> block : byMonths(rows)) {
            insertIsolating(block, refused);
        }
    }

    private void insertIsolating(List<Row> block, Map<Long, String> refused) {
        try {
            clickHouse.insert(table.name(), table.columns(), block.stream().map(r -> r.rows().encoded()).toList());
        } catch (InsertRefusedException e) {
            if (!e.refusesValues()) {
                throw e;
            }
            if (block.size() == 1) {
                refused.put(block.get(0).event().rawEventId(),
                        "ClickHouse refused its row of " + table.name() + ": " + e.serverMessage());
                return;
            }
            int half = block.size() / 2;
            insertIsolating(block.subList(0, half), refused);
            insertIsolating(block.subList(half, block.size()), refused);
        }
    }

    /** The rows as they are when they span few months (the usual case), else in blocks of consecutive months. */
    static List<List<Row>> byMonths(List<Row> rows) {
        if (spanFewMonths(rows)) {
            return List.of(rows);
        }
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(r -> r.rows().month()));
        List<List<Row>> blocks = new ArrayList<>();
        int start = 0;
        int months = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i == 0 || sorted.get(i).rows().month() != sorted.get(i - 1).rows().month()) {
                if (months == MAX_MONTHS_PER_INSERT) {
                    blocks.add(sorted.subList(start, i));
                    start = i;
                    months = 0;
                }
                months++;
            }
        }
        blocks.add(sorted.subList(start, sorted.size()));
        return blocks;
    }

    private static boolean spanFewMonths(List<Row> rows) {
        Set<Integer> months = new HashSet<>();
        int last = Integer.MIN_VALUE;
        for (Row row : rows) {
            int month = row.rows().month();
            if (month != last && months.add(month) && months.size() > MAX_MONTHS_PER_INSERT) {
                return false;
            }
            last = month;
        }
        return true;
    }
}
