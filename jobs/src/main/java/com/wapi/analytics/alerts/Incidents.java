package com.wapi.analytics.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incidents table. Opening is an insert that the partial unique index turns into a no-op while the same
 * (workspace, rule, subject) is open, so racing evaluators open an incident once; resolving touches open rows only.
 */
@Repository
class Incidents {

    /** The columns of {@link Incident}, of the table aliased {@code i}. */
    static final String COLUMNS = """
            i.id, i.workspace_id, i.rule, i.subject, i.summary, i.figures::text, i.opened_at, i.resolved_at,
            i.resolved_summary, i.resolved_figures::text""";

    static final RowMapper<Incident> ROW = new DataClassRowMapper<>(Incident.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;

    Incidents(JdbcClient db) {
        this.db = db;
    }

    /** @return true when this call opened it (false: already open) */
    boolean open(String workspaceId, String rule, Finding finding, Instant at) {
        return db.sql("""
                INSERT INTO alert_incidents (workspace_id, rule, subject, summary, figures, opened_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (workspace_id, rule, md5(subject)) WHERE resolved_at IS NULL DO NOTHING""")
                .params(workspaceId, rule, finding.subject(), finding.summary(), json(finding.figures()), Timestamp.from(at))
                .update() == 1;
    }

    /** @return true when this call resolved it */
    boolean resolve(String workspaceId, String rule, String subject, String summary, Map<String, Object> figures,
            Instant at) {
        return db.sql("""
                UPDATE alert_incidents SET resolved_at = greatest(?, opened_at), resolved_summary = ?, resolved_figures = ?::jsonb
                 WHERE workspace_id = ? AND rule = ? AND md5(subject) = md5(?) AND resolved_at IS NULL""")
                .params(Timestamp.from(at), summary, json(figures), workspaceId, rule, subject).update() == 1;
    }

    List<String> openSubjects(String workspaceId, String rule) {
        return db.sql("SELECT subject FROM alert_incidents WHERE workspace_id = ? AND rule = ? AND resolved_at IS NULL")
                .params(workspaceId, rule).query(String.class).list();
    }

    /** Newest first; a null workspace means every workspace. */
    List<Incident> find(String workspaceId, boolean openOnly, int limit) {
        return db.sql("SELECT " + COLUMNS + " " + """
                 FROM alert_incidents i
                 WHERE (?::text IS NULL OR workspace_id = ?) AND (NOT ? OR resolved_at IS NULL)
                 ORDER BY opened_at DESC, id DESC LIMIT ?""")
                .params(workspaceId, workspaceId, openOnly, limit).query(ROW).list();
    }

    Optional<Incident> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM alert_incidents i WHERE id = ?").param(id).query(ROW).optional();
    }

    private static String json(Map<String, Object> figures) {
        return JSON.writeValueAsString(figures);
    }
}
