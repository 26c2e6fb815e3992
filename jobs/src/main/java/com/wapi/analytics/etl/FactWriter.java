package com.wapi.analytics.etl;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.clickhouse.TabSeparatedRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a chunk's facts to ClickHouse, one TabSeparated bulk insert per table, then its quarantine entries to Postgres in
 * the chunk's transaction. Writing a chunk twice (a restart after a crash) is harmless: fact tables are
 * ReplacingMergeTree on the fact's natural key, and a quarantine row exists once per raw event.
 */
class FactWriter implements ItemWriter<LoadedEvent> {

    private final ClickHouse clickHouse;
    private final JdbcTemplate postgres;
    private final boolean replay;

    FactWriter(ClickHouse clickHouse, JdbcTemplate postgres, boolean replay) {
        this.clickHouse = clickHouse;
        this.postgres = postgres;
        this.replay = replay;
    }

    @Override
    public void write(Chunk<? extends LoadedEvent> chunk) {
        Map<FactTable, TabSeparatedRows> rows = new LinkedHashMap<>();
        List<Object[]> quarantined = new ArrayList<>();
        List<Object[]> loaded = new ArrayList<>();
        for (LoadedEvent event : chunk) {
            if (event.isQuarantined()) {
                quarantined.add(new Object[] {event.rawEventId(), event.workspaceId(), event.rejection().code(),
                        event.detail()});
                continue;
            }
            if (replay) {
                loaded.add(new Object[] {event.rawEventId()});
            }
            for (LoadedEvent.Rows fact : event.facts()) {
                rows.computeIfAbsent(fact.table(), t -> new TabSeparatedRows(1 << 20)).appendRows(fact.encoded(),
                        fact.count());
            }
        }
        rows.forEach((table, values) -> clickHouse.insert(table.name(), table.columns(), values));
        if (!quarantined.isEmpty()) {
            postgres.batchUpdate("""
                    INSERT INTO quarantine (raw_event_id, workspace_id, reason, detail) VALUES (?, ?, ?, ?)
                    ON CONFLICT (raw_event_id) DO UPDATE SET reason = excluded.reason, detail = excluded.detail""",
                    quarantined);
        }
        if (replay && !loaded.isEmpty()) {
            postgres.batchUpdate("UPDATE quarantine SET replayed_at = now() WHERE raw_event_id = ? AND replayed_at IS NULL",
                    loaded);
        }
    }
}
