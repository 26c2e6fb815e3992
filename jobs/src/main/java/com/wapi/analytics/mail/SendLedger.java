package com.wapi.analytics.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The send ledger (table send_ledger) of every email sent at most once. A row per email, keyed by its
 * {@link Key}; Postgres's unique key on it is what finally keeps two processes from sending the same email. Every
 * change commits on its own (REQUIRES_NEW), before or after the SMTP hand-off, never together with it.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class SendLedger {

    /** The families of emails; the database's check constraint lists the same. */
    public enum Kind { digest, campaign, export, alert }

    /**
     * One email's natural key.
     *
     * @param scope whose email it is: the organization, workspace or subscription id
     * @param subject what it is about within the scope: a local date, a broadcast id, a period's first day
     */
    public record Key(Kind kind, String scope, String subject) {
    }

    /** An email that may have gone and waits for an operator, with the SMTP error the ledger kept. */
    public record Uncertain(Key key, String error) {
    }

    private static final String WHERE_KEY = " WHERE kind = :kind AND scope = :scope AND md5(subject) = md5(:subject) AND subject = :subject";

    private final JdbcClient db;

    public SendLedger(JdbcClient db) {
        this.db = db;
    }

    public Optional<SendOnce.State> state(Key key) {
        return keyed("SELECT state FROM send_ledger" + WHERE_KEY, key).query(String.class).optional()
                .map(SendOnce.State::valueOf);
    }

    /** The states of the emails of one kind in these scopes. */
    public Map<Key, SendOnce.State> states(Kind kind, List<String> scopes) {
        Map<Key, SendOnce.State> states = new HashMap<>();
        if (!scopes.isEmpty()) {
            db.sql("SELECT scope, subject, state FROM send_ledger WHERE kind = :kind AND scope IN (:scopes)")
                    .param("kind", kind.name()).param("scopes", scopes)
                    .query(rs -> {
                        states.put(new Key(kind, rs.getString(1), rs.getString(2)), SendOnce.State.valueOf(rs.getString(3)));
                    });
        }
        return states;
    }

    /** The subjects of one scope's emails from {@code fromSubject} on (in text order), whatever their state. */
    public List<String> subjects(Kind kind, String scope, String fromSubject) {
        return db.sql("SELECT subject FROM send_ledger WHERE kind = ? AND scope = ? AND subject >= ? ORDER BY subject")
                .params(kind.name(), scope, fromSubject).query(String.class).list();
    }

    /** Claims the email for sending; false if it is already claimed, sent, skipped or uncertain (by anyone). */
    boolean claim(Key key, String recipients, String messageId, String detail) {
        return db.sql("""
                INSERT INTO send_ledger (kind, scope, subject, state, recipients, message_id, detail)
                VALUES (?, ?, ?, 'claimed', ?, ?, ?)
                ON CONFLICT (kind, scope, md5(subject)) DO UPDATE
                   SET state = 'claimed', attempts = send_ledger.attempts + 1, claimed_at = now(), finished_at = NULL,
                       last_error = NULL, recipients = excluded.recipients, message_id = excluded.message_id,
                       detail = excluded.detail
                 WHERE send_ledger.state = 'failed'""")
                .params(key.kind().name(), key.scope(), key.subject(), recipients, messageId, detail).update() == 1;
    }

    void finish(Key key, SendOnce.State state, String error) {
        keyed("UPDATE send_ledger SET state = :state, last_error = :error, finished_at = now()" + WHERE_KEY, key)
                .param("state", state.name()).param("error", error).update();
    }

    /** Records that the email is not to be sent, and why; false if it was claimed or finished before. */
    boolean skip(Key key, String reason) {
        return db.sql("""
                INSERT INTO send_ledger (kind, scope, subject, state, last_error, finished_at)
                VALUES (?, ?, ?, 'skipped', ?, now()) ON CONFLICT (kind, scope, md5(subject)) DO NOTHING""")
                .params(key.kind().name(), key.scope(), key.subject(), reason).update() == 1;
    }

    /** An operator's decision about an email that may have gone (claimed or uncertain): allow sending again. */
    public boolean release(Key key) {
        return keyed("UPDATE send_ledger SET state = 'failed', last_error = 'released for resend by an operator'"
                + WHERE_KEY + " AND state IN ('claimed', 'uncertain')", key).update() == 1;
    }

    /** The emails whose SMTP hand-off has an unknown outcome, oldest first. */
    List<Uncertain> uncertain() {
        return db.sql("""
                SELECT kind, scope, subject, last_error FROM send_ledger WHERE state = 'uncertain'
                 ORDER BY finished_at, kind, scope, subject""")
                .query((rs, n) -> new Uncertain(new Key(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)),
                        rs.getString(4))).list();
    }

    long countUncertain(Kind kind) {
        return db.sql("SELECT count(*) FROM send_ledger WHERE kind = ? AND state = 'uncertain'").param(kind.name())
                .query(Long.class).single();
    }

    private JdbcClient.StatementSpec keyed(String sql, Key key) {
        return db.sql(sql).param("kind", key.kind().name()).param("scope", key.scope()).param("subject", key.subject());
    }
}
