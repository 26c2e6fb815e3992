package com.wapi.analytics.tenancy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin audit trail: every administrative change (settings, tokens, people, numbers, erasures) with who made
 * it, what it touched and its state before and after. Written in the caller's transaction, so a change and its
 * audit row commit together or not at all.
 */
@Repository
public class AdminAudit {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One change. {@code before} is null for a creation, {@code after} null for a removal; neither ever holds a
     * secret (a token's hash, say) or erased personal data.
     *
     * @param action dotted noun.verb, e.g. {@code org.set}, {@code token.revoke}, {@code contact.erase}
     * @param target the id acted on
     */
    public record Change(String actor, String organizationId, String workspaceId, String action, String target,
            Map<String, ?> before, Map<String, ?> after) {
    }

    public record Entry(long id, OffsetDateTime at, String actor, String organizationId, String workspaceId,
            String action, String target, String before, String after) {
    }

    private final JdbcClient db;

    public AdminAudit(JdbcClient db) {
        this.db = db;
    }

    public void record(Change change) {
        db.sql("""
                INSERT INTO admin_audit (actor, organization_id, workspace_id, action, target, before, after)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                .params(change.actor(), change.organizationId(), change.workspaceId(), change.action(),
                        change.target(), json(change.before()), json(change.after()))
                .update();
    }

    /** Newest first; null filters match everything. */
    public List<Entry> find(String organizationId, OffsetDateTime since, int limit) {
        return db.sql("""
                SELECT id, at, actor, organization_id, workspace_id, action, target, before::text, after::text
                  FROM admin_audit
                 WHERE (?::text IS NULL OR organization_id = ?) AND (?::timestamptz IS NULL OR at >= ?)
                 ORDER BY id DESC LIMIT ?""")
                .params(organizationId, organizationId, since, since, limit)
                .query(Entry.class).list();
    }

    private static String json(Map<String, ?> state) {
        return state == null ? null : JSON.writeValueAsString(state);
    }
}
