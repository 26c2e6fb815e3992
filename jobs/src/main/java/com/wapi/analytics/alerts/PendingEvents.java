package com.wapi.analytics.alerts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Incident events still to tell: an "opened" email not sent yet, a "resolved" email once the "opened" one went, and
 * the same two webhook posts, of incidents of the last {@link #LOOK_BACK}. A failed send or post is retried at the
 * next evaluation; an email that may have gone (claimed, uncertain) waits for `alerts resend`.
 */
@Repository
class PendingEvents {

    static final Duration LOOK_BACK = Duration.ofDays(7);

    /** @param event opened or resolved */
    record Pending(Incident incident, String event) {
    }

    private final JdbcClient db;

    PendingEvents(JdbcClient db) {
        this.db = db;
    }

    List<Pending> emails(Instant now, String workspaceId) {
        return pending("""
                NOT EXISTS (SELECT 1 FROM send_ledger l WHERE l.kind = 'alert' AND l.scope = i.id::text AND l.subject = 'opened' AND l.state <> 'failed')""", """
                EXISTS (SELECT 1 FROM send_ledger l WHERE l.kind = 'alert' AND l.scope = i.id::text AND l.subject = 'opened' AND l.state = 'sent')
                AND NOT EXISTS (SELECT 1 FROM send_ledger l WHERE l.kind = 'alert' AND l.scope = i.id::text AND l.subject = 'resolved' AND l.state <> 'failed')""",
                now, workspaceId);
    }

    /** Only of workspaces with a webhook URL. */
    List<Pending> webhooks(Instant now, String workspaceId) {
        String withUrl = "EXISTS (SELECT 1 FROM alert_settings s WHERE s.workspace_id = i.workspace_id AND s.webhook_url IS NOT NULL)";
        return pending(withUrl + """
                 AND NOT EXISTS (SELECT 1 FROM alert_webhooks w WHERE w.incident_id = i.id AND w.event = 'opened' AND w.delivered_at IS NOT NULL)""",
                withUrl + """
                 AND EXISTS (SELECT 1 FROM alert_webhooks w WHERE w.incident_id = i.id AND w.event = 'opened' AND w.delivered_at IS NOT NULL)
                 AND NOT EXISTS (SELECT 1 FROM alert_webhooks w WHERE w.incident_id = i.id AND w.event = 'resolved' AND w.delivered_at IS NOT NULL)""",
                now, workspaceId);
    }

    private List<Pending> pending(String opened, String resolved, Instant now, String workspaceId) {
        Timestamp since = Timestamp.from(now.minus(LOOK_BACK));
        String scope = " AND (?::text IS NULL OR i.workspace_id = ?) AND ";
        return db.sql("SELECT 'opened' AS event, " + Incidents.COLUMNS + " FROM alert_incidents i WHERE i.opened_at >= ?"
                        + scope + opened + " UNION ALL SELECT 'resolved', " + Incidents.COLUMNS
                        + " FROM alert_incidents i WHERE i.resolved_at >= ?" + scope + resolved + " ORDER BY id, event")
                .params(since, workspaceId, workspaceId, since, workspaceId, workspaceId)
                .query((rs, n) -> new Pending(Incidents.ROW.mapRow(rs, n), rs.getString("event")))
                .list();
    }
}
