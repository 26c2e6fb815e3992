package com.wapi.analytics.digest;

import com.wapi.analytics.mail.SendOnce;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The send ledger of owner digests: at most one email per organization per day. Every change commits on its
 * own (REQUIRES_NEW), before or after the SMTP hand-off, never together with it.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class DigestLedger {


    private final JdbcClient db;

    public DigestLedger(JdbcClient db) {
        this.db = db;
    }

    public Optional<SendOnce.State> state(String organizationId, LocalDate date) {
        return db.sql("SELECT state FROM digest_ledger WHERE organization_id = ? AND digest_date = ?")
                .params(organizationId, date).query(String.class).optional().map(SendOnce.State::valueOf);
    }

    /** Claims the day for sending; false if it is already claimed, sent or skipped (by anyone). */
    public boolean claim(String organizationId, LocalDate date, String recipient, String messageId) {
        return db.sql("""
                INSERT INTO digest_ledger (organization_id, digest_date, state, recipient, message_id)
                VALUES (?, ?, 'claimed', ?, ?)
                ON CONFLICT (organization_id, digest_date) DO UPDATE
                   SET state = 'claimed', attempts = digest_ledger.attempts + 1, claimed_at = now(),
                       recipient = excluded.recipient, message_id = excluded.message_id, last_error = NULL
                 WHERE digest_ledger.state = 'failed'""")
                .params(organizationId, date, recipient, messageId).update() == 1;
    }


    public boolean markSkipped(String organizationId, LocalDate date) {
        return db.sql("""
                INSERT INTO digest_ledger (organization_id, digest_date, state, finished_at) VALUES (?, ?, 'skipped', now())
                ON CONFLICT (organization_id, digest_date) DO NOTHING""").params(organizationId, date).update() == 1;
    }


    /** An operator's decision about a digest that may have gone (claimed or uncertain): allow sending again. */
    public boolean release(String organizationId, LocalDate date) {
        return db.sql("""
                UPDATE digest_ledger SET state = 'failed', last_error = 'released for resend by an operator'
                 WHERE organization_id = ? AND digest_date = ? AND state IN ('claimed', 'uncertain')""")
                .params(organizationId, date).update() == 1;
    }

    public void finish(String organizationId, LocalDate date, SendOnce.State state, String error) {
        db.sql("""
                UPDATE digest_ledger SET state = ?, last_error = ?, finished_at = now()
                 WHERE organization_id = ? AND digest_date = ?""")
                .params(state.name(), error, organizationId, date).update();
    }
}
