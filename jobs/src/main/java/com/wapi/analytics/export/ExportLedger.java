package com.wapi.analytics.export;

import com.wapi.analytics.mail.SendOnce;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was mailed per subscription and period: claimed and committed before the SMTP hand-off, so that no retry
 * or racing process sends a period twice.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class ExportLedger {


    private final JdbcClient db;

    ExportLedger(JdbcClient db) {
        this.db = db;
    }

    public Optional<SendOnce.State> state(long subscriptionId, LocalDate periodStart) {
        return db.sql("SELECT state FROM export_ledger WHERE subscription_id = ? AND period_start = ?")
                .params(subscriptionId, periodStart).query(String.class).optional().map(SendOnce.State::valueOf);
    }

    /** False if the period is already claimed, sent or skipped by anyone. */
    boolean claim(long subscriptionId, ExportSubscription.Period period, String messageId, long rows) {
        return db.sql("""
                INSERT INTO export_ledger (subscription_id, period_start, period_end, state, message_id, rows_exported)
                VALUES (?, ?, ?, 'claimed', ?, ?)
                ON CONFLICT (subscription_id, period_start) DO UPDATE
                   SET state = 'claimed', attempts = export_ledger.attempts + 1, claimed_at = now(),
                       message_id = excluded.message_id, rows_exported = excluded.rows_exported, last_error = NULL
                 WHERE export_ledger.state = 'failed'""")
                .params(subscriptionId, period.start(), period.end(), messageId, rows).update() == 1;
    }

    /** An operator's decision about a period that may have been mailed (claimed or uncertain): allow sending again. */
    boolean release(long subscriptionId, LocalDate periodStart) {
        return db.sql("""
                UPDATE export_ledger SET state = 'failed', last_error = 'released for resend by an operator'
                 WHERE subscription_id = ? AND period_start = ? AND state IN ('claimed', 'uncertain')""")
                .params(subscriptionId, periodStart).update() == 1;
    }

    void skip(long subscriptionId, ExportSubscription.Period period, String reason) {
        db.sql("""
                INSERT INTO export_ledger (subscription_id, period_start, period_end, state, last_error, finished_at)
                VALUES (?, ?, ?, 'skipped', ?, now()) ON CONFLICT (subscription_id, period_start) DO NOTHING""")
                .params(subscriptionId, period.start(), period.end(), reason).update();
    }

    void finish(long subscriptionId, LocalDate periodStart, SendOnce.State state, String error) {
        db.sql("""
                UPDATE export_ledger SET state = ?, last_error = ?, finished_at = now()
                 WHERE subscription_id = ? AND period_start = ?""")
                .params(state.name(), error, subscriptionId, periodStart).update();
    }
}
