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
 * quarantine entries to Postgres in the chunk's transaction: the events the parser rejected, and those with a row
 * ClickHouse refused (their other rows may have loaded; loading them again is harmless). Writing a chunk twice (a
 * restart after a crash) is harmless: fact tables are ReplacingMergeTree on the fact's natural key, and a
 * quarantine row exists once per raw event.
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
        Map<FactTable, List<FactInserts.Row>> rows = new LinkedHashMap<>();
        for (LoadedEvent event : chunk) {
            for (LoadedEvent.Rows fact : event.facts()) {
                rows.computeIfAbsent(fact.table(), t -> new ArrayList<>()).add(new FactInserts.Row(event, fact));
            }
        }
        Map<Long, String> refused = new HashMap<>();
        rows.forEach((table, tableRows) -> new FactInserts(clickHouse, table).insert(tableRows, refused));

        List<Object[]> quarantined = new ArrayList<>();
        List<Object[]> loaded = new ArrayList<>();
        for (LoadedEvent event : chunk) {
            String refusal = refused.get(event.rawEventId());
            if (event.isQuarantined()) {
                quarantined.add(new Object[] {event.rawEventId(), event.workspaceId(), event.rejection().code(),
                        event.detail()});
            } else if (refusal != null) {
                quarantined.add(new Object[] {event.rawEventId(), event.workspaceId(),
                        Rejection.INSERT_REFUSED.code(), refusal});
            } else if (replay) {
                loaded.add(new Object[] {event.rawEventId()});
            }
        }
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
