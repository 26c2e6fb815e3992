package com.wapi.analytics.campaign;

import com.wapi.analytics.mail.SendOnce;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The send ledger of campaign completion emails (campaign_email_ledger): at most one email per workspace and
 * broadcast. A row is claimed and committed before the SMTP hand-off; every change commits on its own.
 */
@Repository
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class CampaignEmailLedger {


    private final JdbcClient db;

    public CampaignEmailLedger(JdbcClient db) {
        this.db = db;
    }

    public Optional<SendOnce.State> state(String workspaceId, String broadcastId) {
        return db.sql("""
                SELECT state FROM campaign_email_ledger
                 WHERE workspace_id = ? AND md5(broadcast_id) = md5(?) AND broadcast_id = ?""")
                .params(workspaceId, broadcastId, broadcastId).query(String.class).optional().map(SendOnce.State::valueOf);
    }

    /** The ledger's broadcasts of these workspaces, keyed by {@link CampaignCompletion#key}. */
    public Map<String, SendOnce.State> states(List<String> workspaceIds) {
        Map<String, SendOnce.State> states = new HashMap<>();
        if (!workspaceIds.isEmpty()) {
            db.sql("SELECT workspace_id, broadcast_id, state FROM campaign_email_ledger WHERE workspace_id IN (:ids)")
                    .param("ids", workspaceIds)
                    .query(rs -> {
                        states.put(CampaignCompletion.key(rs.getString(1), rs.getString(2)), SendOnce.State.valueOf(rs.getString(3)));
                    });
        }
        return states;
    }

    /** Claims the broadcast's email; false if it is already claimed, sent or uncertain (by anyone). */
    public boolean claim(String workspaceId, String broadcastId, String recipients, String messageId) {
        return db.sql("""
                INSERT INTO campaign_email_ledger (workspace_id, broadcast_id, state, message_id, recipients)
                VALUES (?, ?, 'claimed', ?, ?)
                ON CONFLICT (workspace_id, md5(broadcast_id)) DO UPDATE
                   SET state = 'claimed', attempts = campaign_email_ledger.attempts + 1, claimed_at = now(), finished_at = NULL, last_error = NULL,
                       message_id = excluded.message_id, recipients = excluded.recipients
                 WHERE campaign_email_ledger.state = 'failed'""")
                .params(workspaceId, broadcastId, messageId, recipients).update() == 1;
    }

    /** An operator's decision about an email that may have gone (claimed or uncertain): allow sending again. */
    public boolean release(String workspaceId, String broadcastId) {
        return db.sql("""
                UPDATE campaign_email_ledger SET state = 'failed', last_error = 'released for resend by an operator'
                 WHERE workspace_id = ? AND md5(broadcast_id) = md5(?) AND broadcast_id = ?
                   AND state IN ('claimed', 'uncertain')""")
                .params(workspaceId, broadcastId, broadcastId).update() == 1;
    }

    public void finish(String workspaceId, String broadcastId, SendOnce.State state, String error) {
        db.sql("""
                UPDATE campaign_email_ledger SET state = ?, last_error = ?, finished_at = now()
                 WHERE workspace_id = ? AND md5(broadcast_id) = md5(?) AND broadcast_id = ?""")
                .params(state.name(), error, workspaceId, broadcastId, broadcastId).update();
    }
}
