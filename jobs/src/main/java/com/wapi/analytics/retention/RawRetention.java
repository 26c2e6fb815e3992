package com.wapi.analytics.retention;

import com.wapi.analytics.jobs.JobLock;
import com.wapi.analytics.tenancy.AdminAudit;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops raw_events' day partitions older than {@code wapi.retention.raw-days}, whole, once every event in them is
 * loaded (its id at or below the etl watermark): a partition holding a single unloaded event is kept. The
 * quarantine entries of a dropped day go with it (after that many days their cause is not coming back), and so do
 * the dedup keys older than the oldest raw event left.
 */
@Service
public class RawRetention {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /**
     * Dedup keys older than the retention cut and than every raw event that stays (those of the partitions being
     * dropped do not), so that no stored event loses its key.
     */
    private static final String OLD_KEYS = """
            raw_event_keys
             WHERE received_at < (((now() AT TIME ZONE 'UTC')::date - ?)::timestamp AT TIME ZONE 'UTC')
               AND received_at < coalesce((SELECT min(received_at) FROM raw_events
                                            WHERE NOT (tableoid = ANY(?::regclass[]))), 'infinity')""";

    /** One day partition past the retention period. */
    public record Partition(LocalDate day, long rows, long unloaded) {

        String table() {
            return "raw_events_" + DAY.format(day);
        }

        boolean droppable() {
            return unloaded == 0;
        }
    }

    public record Run(List<Partition> partitions, long quarantineDeleted, long keysDeleted) {
    }

    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final AdminAudit audit;
    private final JobLock lock;

    public RawRetention(JdbcClient db, TransactionTemplate transaction, AdminAudit audit, JobLock lock) {
        this.db = db;
        this.transaction = transaction;
        this.audit = audit;
        this.lock = lock;
    }

    /** The day partitions wholly older than {@code rawDays} before today (UTC), oldest first. */
    public List<Partition> expired(int rawDays) {
        LocalDate cutoff = LocalDate.now(ZoneOffset.UTC).minusDays(rawDays);
        long watermark = watermark();
        List<Partition> expired = new ArrayList<>();
        for (String table : db.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                 WHERE i.inhparent = 'raw_events'::regclass AND c.relname ~ '^raw_events_[0-9]{8}$'
                 ORDER BY c.relname""").query(String.class).list()) {
            LocalDate day = LocalDate.parse(table.substring("raw_events_".length()), DAY);
            if (day.isBefore(cutoff)) {
                expired.add(db.sql("SELECT count(*), count(*) FILTER (WHERE id > ?) FROM " + table).param(watermark)
                        .query((rs, i) -> new Partition(day, rs.getLong(1), rs.getLong(2))).single());
            }
        }
        return expired;
    }

    /** Drops what {@link #expired} allows, one run at a time across processes; a dry run only counts. */
    public Run run(int rawDays, boolean dryRun, String actor) {
        if (dryRun) {
            return dryRun(rawDays);
        }
        try (JobLock.Held ignored = lock.tryAcquire("retention", Duration.ofSeconds(10)).orElseThrow(
                () -> new IllegalStateException("another retention run is under way; run it again later"))) {
            return drop(rawDays, actor);
        }
    }

    private Run dryRun(int rawDays) {
        List<Partition> partitions = expired(rawDays);
        long quarantined = 0;
        for (Partition p : partitions) {
            if (p.droppable()) {
                quarantined += db.sql("SELECT count(*) FROM quarantine WHERE raw_event_id IN (SELECT id FROM "
                        + p.table() + ")").query(Long.class).single();
            }
        }
        return new Run(partitions, quarantined, countOldKeys(rawDays, partitions));
    }

    private Run drop(int rawDays, String actor) {
        List<Partition> partitions = expired(rawDays);
        long quarantined = 0;
        List<String> dropped = new ArrayList<>();
        for (Partition p : partitions) {
            if (p.droppable()) {
                Long deleted = transaction.execute(status -> dropPartition(p));
                if (deleted != null) {
                    quarantined += deleted;
                    dropped.add(p.day().toString());
                }
            }
        }
        long keys = deleteOldKeys(rawDays);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("raw_days", rawDays);
        after.put("partitions_dropped", dropped);
        after.put("quarantine_deleted", quarantined);
        after.put("dedup_keys_deleted", keys);
        audit.record(new AdminAudit.Change(actor, null, null, "retention.run", "raw_events", null, after));
        return new Run(partitions, quarantined, keys);
    }

    /** Null when the partition gained an unloaded event meanwhile (it cannot: ids only grow; checked all the same). */
    private Long dropPartition(Partition p) {
        db.sql("SET LOCAL lock_timeout = '30s'").update();
        db.sql("LOCK TABLE " + p.table() + " IN ACCESS EXCLUSIVE MODE").update();
        if (db.sql("SELECT count(*) FROM " + p.table() + " WHERE id > ?").param(watermark()).query(Long.class)
                .single() > 0) {
            return null;
        }
        long quarantined = db.sql("DELETE FROM quarantine WHERE raw_event_id IN (SELECT id FROM " + p.table() + ")")
                .update();
        db.sql("DROP TABLE " + p.table()).update();
        return (long) quarantined;
    }

    private long countOldKeys(int rawDays, List<Partition> partitions) {
        String[] going = partitions.stream().filter(Partition::droppable).map(Partition::table).toArray(String[]::new);
        return db.sql("SELECT count(*) FROM " + OLD_KEYS).params(rawDays, going).query(Long.class).single();
    }

    private long deleteOldKeys(int rawDays) {
        return db.sql("DELETE FROM " + OLD_KEYS).params(rawDays, new String[0]).update();
    }

    private long watermark() {
        return db.sql("SELECT last_id FROM etl_watermark WHERE name = 'etl'").query(Long.class).optional().orElse(0L);
    }
}
