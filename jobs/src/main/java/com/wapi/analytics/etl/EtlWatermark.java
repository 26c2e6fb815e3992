package com.wapi.analytics.etl;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The id of the last raw event loaded, and the consistent cut up to which the next run may read.
 */
@Component
class EtlWatermark {

    private final JdbcClient db;
    private final TransactionTemplate transaction;

    EtlWatermark(JdbcClient db, TransactionTemplate transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    long current() {
        return db.sql("SELECT last_id FROM etl_watermark WHERE name = 'etl'").query(Long.class).optional().orElse(0L);
    }

    /**
     * The highest raw event id below which every insert has committed. The SHARE lock waits for in-flight inserts
     * (which hold ROW EXCLUSIVE) and is released at once; any later insert draws a higher id from the sequence.
     */
    long consistentCut() {
        return transaction.execute(status -> {
            db.sql("SET LOCAL lock_timeout = '30s'").update();
            db.sql("LOCK TABLE raw_events IN SHARE MODE").update();
            return db.sql("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM raw_events_id_seq")
                    .query(Long.class).single();
        });
    }

    void advance(long from, long until) {
        int updated = db.sql("""
                INSERT INTO etl_watermark (name, last_id) VALUES ('etl', ?)
                ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id, updated_at = now()
                WHERE etl_watermark.last_id = ?""").params(until, from).update();
        if (updated == 0) {
            throw new IllegalStateException("the etl watermark is no longer " + from
                    + ": another run moved it; nothing was lost, run `scripts/wapi etl` again");
        }
    }
}
