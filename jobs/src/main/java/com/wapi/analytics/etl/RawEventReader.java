package com.wapi.analytics.etl;

import java.util.ArrayDeque;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Raw events with ids in (fromId, untilId], in id order, a page at a time. A page ends at {@code pageEvents} events
 * or once their bodies reach {@code pageBytes} (and holds at least one event), so that large bodies never load
 * a page bigger than a chunk. A restart resumes after the last event of the last committed chunk.
 */
class RawEventReader extends AbstractItemCountingItemStreamItemReader<RawEvent> {

    private static final String AFTER_ID = "after.id";

    /** The window sums the stored sizes of the bodies, which Postgres knows without reading them. */
    private static final String PAGE = """
            SELECT id, source, workspace_id, received_at, body FROM (
                SELECT id, source, workspace_id, received_at, body,
                       sum(octet_length(body)) OVER (ORDER BY id ROWS UNBOUNDED PRECEDING) - octet_length(body) AS before
                  FROM raw_events WHERE id > ? AND id <= ? ORDER BY id LIMIT ?) page
             WHERE before < ? ORDER BY id""";

    static final RowMapper<RawEvent> ROW = (rs, i) -> new RawEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getBytes(5));

    private final JdbcTemplate db;
    private final long untilId;
    private final int pageEvents;
    private final long pageBytes;
    private final ArrayDeque<RawEvent> page = new ArrayDeque<>();
    private long afterId;

    RawEventReader(JdbcTemplate db, long fromId, long untilId, int pageEvents, long pageBytes) {
        this.db = db;
        this.afterId = fromId;
        this.untilId = untilId;
        this.pageEvents = pageEvents;
        this.pageBytes = pageBytes;
        setName("rawEvents");
    }

    @Override
    protected RawEvent doRead() {
        if (page.isEmpty() && afterId < untilId) {
            page.addAll(db.query(PAGE, ROW, afterId, untilId, pageEvents, pageBytes));
        }
        RawEvent next = page.poll();
        if (next != null) {
            afterId = next.id();
        }
        return next;
    }

    @Override
    public void open(ExecutionContext context) {
        String key = getExecutionContextKey(AFTER_ID);
        if (context.containsKey(key)) {
            afterId = context.getLong(key);
        }
        super.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        context.putLong(getExecutionContextKey(AFTER_ID), afterId);
    }

    /** A restart is positioned by the id read last ({@link #open}), not by reading the events before it again. */
    @Override
    protected void jumpToItem(int itemIndex) {
    }

    @Override
    protected void doOpen() {
    }

    @Override
    protected void doClose() {
        page.clear();
    }
}
