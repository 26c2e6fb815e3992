package com.wapi.analytics.export;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ExportSubscriptionRepository {

    private static final String COLUMNS = "id, workspace_id, email, kind, cadence, active, created_at, format";

    private final JdbcClient db;

    ExportSubscriptionRepository(JdbcClient db) {
        this.db = db;
    }

    /** Creates the subscription, or re-activates the same one in the format given; returns its id. */
    long subscribe(String workspaceId, String email, Exports.Kind kind, ExportSubscription.Cadence cadence,
            ExportFormat format) {
        return db.sql("""
                INSERT INTO export_subscriptions (workspace_id, email, kind, cadence, format) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id, email, kind, cadence) DO UPDATE SET active = true, format = EXCLUDED.format
                RETURNING id""").params(workspaceId, email, kind.name(), cadence.name(), format.name())
                .query(Long.class).single();
    }

    boolean deactivate(long id) {
        return db.sql("UPDATE export_subscriptions SET active = false WHERE id = ? AND active").param(id).update() == 1;
    }

    Optional<ExportSubscription> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM export_subscriptions WHERE id = ?").param(id)
                .query(ExportSubscription.class).optional();
    }

    List<ExportSubscription> findActive() {
        return db.sql("SELECT " + COLUMNS + " FROM export_subscriptions WHERE active ORDER BY id")
                .query(ExportSubscription.class).list();
    }

    List<ExportSubscription> findByWorkspace(String workspaceId) {
        return db.sql("SELECT " + COLUMNS + " FROM export_subscriptions WHERE workspace_id = ? ORDER BY id")
                .param(workspaceId).query(ExportSubscription.class).list();
    }
}
