package com.wapi.analytics.tenancy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiTokenRepository {

    private static final String COLUMNS = "id, token_prefix AS prefix, kind, workspace_id, organization_id";

    /** A token as `token list` shows it: everything but the secret and its hash. */
    public record Listed(long id, String prefix, ApiToken.Kind kind, String workspaceId, String organizationId,
            OffsetDateTime createdAt, OffsetDateTime lastUsedAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
    }

    private final JdbcClient db;

    public ApiTokenRepository(JdbcClient db) {
        this.db = db;
    }

    long insert(String hash, String prefix, ApiToken.Kind kind, String workspaceId, String organizationId,
            Instant expiresAt) {
        return db.sql("""
                INSERT INTO api_tokens (token_hash, token_prefix, kind, workspace_id, organization_id, expires_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(hash, prefix, kind.name(), workspaceId, organizationId,
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(Long.class).single();
    }

    /** Read on every request, never cached: a revocation or expiry holds from the next request on, in every process. */
    Optional<ApiToken> findActiveByHash(String hash) {
        return db.sql("SELECT " + COLUMNS + " FROM api_tokens " + """
                WHERE token_hash = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())""")
                .param(hash).query(ApiToken.class).optional();
    }

    Optional<Listed> findById(long id) {
        return db.sql("SELECT " + COLUMNS + ", created_at, last_used_at, expires_at, revoked_at FROM api_tokens WHERE id = ?")
                .param(id).query(Listed.class).optional();
    }

    /** Tokens of the workspace, or of the organization and its workspaces; null filters match every token. */
    public List<Listed> find(String workspaceId, String organizationId) {
        return db.sql("SELECT " + COLUMNS + ", created_at, last_used_at, expires_at, revoked_at FROM api_tokens " + """
                WHERE (?::text IS NULL OR workspace_id = ?)
                   AND (?::text IS NULL OR organization_id = ?
                        OR workspace_id IN (SELECT id FROM workspaces WHERE organization_id = ?))
                 ORDER BY id""")
                .params(workspaceId, workspaceId, organizationId, organizationId, organizationId)
                .query(Listed.class).list();
    }

    boolean revoke(long id) {
        return db.sql("UPDATE api_tokens SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL").param(id).update() == 1;
    }

    void touch(long id) {
        db.sql("""
                UPDATE api_tokens SET last_used_at = now()
                 WHERE id = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
                .param(id).update();
    }
}
