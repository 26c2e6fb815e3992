package com.wapi.analytics.alerts;

import com.wapi.analytics.mail.SendOnce;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The send ledger of alert emails: one "opened" and one "resolved" email per incident. Every change commits on
 * its own (REQUIRES_NEW), before or after the SMTP hand-off, never together with it.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class AlertLedger {

    private final JdbcClient db;

    public AlertLedger(JdbcClient db) {
        this.db = db;
    }

    public SendOnce.Entry entry(long incidentId, String event, String recipient) {
        return new SendOnce.Entry(() -> state(incidentId, event),
                messageId -> claim(incidentId, event, recipient, messageId),
                (state, error) -> finish(incidentId, event, state, error));
    }

    public Optional<SendOnce.State> state(long incidentId, String event) {
        return db.sql("SELECT state FROM alert_ledger WHERE incident_id = ? AND event = ?")
                .params(incidentId, event).query(String.class).optional().map(SendOnce.State::valueOf);
    }

    /** Claims the email for sending; false if it is already claimed, sent or skipped (by anyone). */
    public boolean claim(long incidentId, String event, String recipient, String messageId) {
        return db.sql("""
                INSERT INTO alert_ledger (incident_id, event, state, recipient, message_id)
                VALUES (?, ?, 'claimed', ?, ?)
                ON CONFLICT (incident_id, event) DO UPDATE
                   SET state = 'claimed', attempts = alert_ledger.attempts + 1, claimed_at = now(),
                       recipient = excluded.recipient, message_id = excluded.message_id, last_error = NULL
                 WHERE alert_ledger.state = 'failed'""")
                .params(incidentId, event, recipient, messageId).update() == 1;
    }

    /** Nobody to tell (the workspace has no admin): recorded, so that the resolution is not mailed either. */
    public boolean markSkipped(long incidentId, String event, String why) {
        return db.sql("""
                INSERT INTO alert_ledger (incident_id, event, state, last_error, finished_at) VALUES (?, ?, 'skipped', ?, now())
                ON CONFLICT (incident_id, event) DO NOTHING""").params(incidentId, event, why).update() == 1;
    }

    /** An operator's decision about an email that may have gone (claimed or uncertain): allow sending again. */
    public boolean release(long incidentId, String event) {
        return db.sql("""
                UPDATE alert_ledger SET state = 'failed', last_error = 'released for resend by an operator'
                 WHERE incident_id = ? AND event = ? AND state IN ('claimed', 'uncertain')""")
                .params(incidentId, event).update() == 1;
    }

    public void finish(long incidentId, String event, SendOnce.State state, String error) {
        db.sql("""
                UPDATE alert_ledger SET state = ?, last_error = ?, finished_at = now()
                 WHERE incident_id = ? AND event = ?""")
                .params(state.name(), error, incidentId, event).update();
    }
}
