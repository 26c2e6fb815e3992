package com.wapi.analytics.etl;

import com.wapi.analytics.clickhouse.TabSeparatedRows;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one raw event ends: the facts of its items, and the quarantine for each item that cannot become facts
 * (the whole event when its path is ""). The facts are kept encoded as the rows of their tables (a fraction of the
 * memory of the fact objects, which matters for a chunk of tens of thousands of events waiting to be written).
 *
 * @param replayed the items this event was re-read for (a quarantine replay), empty on a first reading
 */
public record LoadedEvent(long rawEventId, String workspaceId, List<Rows> facts, List<Quarantined> quarantined,
        List<String> replayed) {

    /** One fact's row of one table, TabSeparated, and the month of its event time (the table's partition). */
    public record Rows(FactTable table, byte[] encoded, int month) {
    }

    /** One item that goes to the quarantine: its path in the body ("" for the whole event) and why. */
    public record Quarantined(String path, Rejection rejection, String detail) {
    }

    private static final ThreadLocal<TabSeparatedRows> SCRATCH = ThreadLocal.withInitial(() -> new TabSeparatedRows(4096));

    public static LoadedEvent facts(RawEvent event, List<Fact> facts) {
        return facts(event, facts, List.of());
    }

    public static LoadedEvent facts(RawEvent event, List<Fact> facts, List<Quarantined> quarantined) {
        TabSeparatedRows scratch = SCRATCH.get();
        List<Rows> rows = new ArrayList<>(facts.size());
        for (Fact fact : facts) {
            FactTable table = FactTables.of(fact);
            scratch.clear();
            table.write(fact, event.id(), scratch);
            rows.add(new Rows(table, scratch.toByteArray(), month(fact.eventTime())));
        }
        return new LoadedEvent(event.id(), event.workspaceId(), rows, quarantined, event.replayPaths());
    }

    /** As toYYYYMM(event_time) (the epoch, ClickHouse's default, for no time). */
    private static int month(Instant time) {
        LocalDate day = LocalDate.ofInstant(time == null ? Instant.EPOCH : time, ZoneOffset.UTC);
        return day.getYear() * 100 + day.getMonthValue();
    }

    public static LoadedEvent quarantined(RawEvent event, Rejection rejection, String detail) {
        return new LoadedEvent(event.id(), event.workspaceId(), List.of(),
                List.of(new Quarantined("", rejection, detail)), event.replayPaths());
    }

    /** Whether any item of the event went to the quarantine. */
    public boolean isQuarantined() {
        return !quarantined.isEmpty();
    }
}
