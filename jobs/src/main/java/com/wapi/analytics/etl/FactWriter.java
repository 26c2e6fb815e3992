package com.wapi.analytics.etl;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.readers.Rejection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a chunk's facts to ClickHouse, one TabSeparated bulk insert per table (see {@link FactInserts}), then its
 * quarantine entries to Postgres in the chunk's transaction: one per item that could not become facts, one per
 * event with a row ClickHouse refused (its other rows may have loaded; loading them again is harmless), and, for a
 * replay, the items re-read are marked replayed. Writing a chunk twice (a restart after a crash) is harmless: fact
 * tables are ReplacingMergeTree on the fact's natural key, and a quarantine row exists once per raw event and item
 * path.
 */
class FactWriter implements ItemWriter<LoadedEvent> {

    private final ClickHouse clickHouse;
    private final JdbcTemplate postgres;

    FactWriter(ClickHouse clickHouse, JdbcTemplate postgres) {
        this.clickHouse = clickHouse;
        this.postgres = postgres;
    }

    @Override
    public void write(Chunk<? extends LoadedEvent> chunk) {
        Map<FactTable, List<FactInserts.Row>> rows = new LinkedHashMap<>();
        for (LoadedEvent event : chunk) {
            for (LoadedEvent.Rows fact : event.facts()) {
                rows.computeIfAbsent(fact.table(), t -> new ArrayList<>()).add(new FactInserts.Row(event, fact));
            }
        }
        Map<Long, String> refused = new HashMap<>();
        rows.forEach((table, tableRows) -> new FactInserts(clickHouse, table).insert(tableRows, refused));

        List<Object[]> quarantined = new ArrayList<>();
        List<Object[]> replayed = new ArrayList<>();
        for (LoadedEvent event : chunk) {
            for (LoadedEvent.Quarantined item : event.quarantined()) {
                quarantined.add(new Object[] {event.rawEventId(), event.workspaceId(), item.path(),
                        item.rejection().code(), item.detail()});
            }
            String refusal = refused.get(event.rawEventId());
            if (refusal != null) {
                quarantined.add(new Object[] {event.rawEventId(), event.workspaceId(), "",
                        Rejection.INSERT_REFUSED.code(), refusal});
            }
            for (String path : event.replayed()) {
                replayed.add(new Object[] {event.rawEventId(), path});
            }
        }
        if (!replayed.isEmpty()) {
            postgres.batchUpdate("""
                    UPDATE quarantine SET replayed_at = now()
                     WHERE raw_event_id = ? AND item_path = ? AND replayed_at IS NULL""", replayed);
        }
        if (!quarantined.isEmpty()) {
            // An item re-read in vain is open again, with the reason of this reading.
            postgres.batchUpdate("""
                    INSERT INTO quarantine (raw_event_id, workspace_id, item_path, reason, detail) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (raw_event_id, item_path)
                    DO UPDATE SET reason = excluded.reason, detail = excluded.detail, replayed_at = NULL""",
                    quarantined);
        }
    }
}
