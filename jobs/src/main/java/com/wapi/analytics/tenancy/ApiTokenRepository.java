package com.wapi.analytics.tenancy;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiTokenRepository {

    private static final String COLUMNS = "id, token_prefix AS prefix, kind, workspace_id, organization_id";

    private final JdbcClient db;

    public ApiTokenRepository(JdbcClient db) {
        this.db = db;
    }

    long insert(String hash, String prefix, ApiToken.Kind kind, String workspaceId, String organizationId) {
        return db.sql("""
                INSERT INTO api_tokens (token_hash, token_prefix, kind, workspace_id, organization_id)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(hash, prefix, kind.name(), workspaceId, organizationId).query(Long.class).single();
    }

    Optional<ApiToken> findActiveByHash(String hash) {
        return db.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")
                .param(hash).query(ApiToken.class).optional();
    }

    public List<ApiToken> findAll() {
        return db.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE revoked_at IS NULL ORDER BY id")
                .query(ApiToken.class).list();
    }
}
