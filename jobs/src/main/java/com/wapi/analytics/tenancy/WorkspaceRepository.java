package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class WorkspaceRepository {

    private final JdbcClient db;

    public WorkspaceRepository(JdbcClient db) {
        this.db = db;
    }

    void insert(Workspace workspace) {
        db.sql("INSERT INTO workspaces (id, organization_id, name) VALUES (?, ?, ?)")
                .params(workspace.id(), workspace.organizationId(), workspace.name()).update();
    }

    public Optional<Workspace> findById(String id) {
        return db.sql("SELECT id, organization_id, name FROM workspaces WHERE id = ?").param(id)
                .query(Workspace.class).optional();
    }

    /** The workspace, or the error a user can act on. */
    Workspace require(String id) {
        return findById(id).orElseThrow(() -> new InvalidInputException("unknown workspace '" + id
                + "': list them with `scripts/wapi workspace list`"));
    }

    public List<Workspace> findByOrganization(String organizationId) {
        return db.sql("SELECT id, organization_id, name FROM workspaces WHERE organization_id = ? ORDER BY id")
                .param(organizationId).query(Workspace.class).list();
    }

    public List<Workspace> findAll() {
        return db.sql("SELECT id, organization_id, name FROM workspaces ORDER BY organization_id, id")
                .query(Workspace.class).list();
    }
}
