package com.wapi.analytics.tenancy;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MemberRepository {

    private static final String COLUMNS = "id, organization_id, workspace_id, email, role";

    private final JdbcClient db;

    public MemberRepository(JdbcClient db) {
        this.db = db;
    }

    /** Inserts the membership unless the same one exists; returns its id either way. */
    long upsert(String organizationId, String workspaceId, String email, Member.Role role) {
        return db.sql("""
                WITH inserted AS (
                    INSERT INTO users (organization_id, workspace_id, email, role) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING RETURNING id)
                SELECT id FROM inserted
                UNION ALL
                SELECT id FROM users WHERE organization_id = ? AND coalesce(workspace_id, '') = coalesce(?, '')
                    AND lower(email) = lower(?) AND role = ?""")
                .params(organizationId, workspaceId, email, role.name(), organizationId, workspaceId, email, role.name())
                .query(Long.class).list().get(0);
    }

    public Optional<Member> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id).query(Member.class).optional();
    }

    void setRole(long id, Member.Role role) {
        db.sql("UPDATE users SET role = ? WHERE id = ?").params(role.name(), id).update();
    }

    void delete(long id) {
        db.sql("DELETE FROM users WHERE id = ?").param(id).update();
    }

    /** The organization's owner {@code oldEmail} is replaced by {@code newEmail}, who takes the owner membership. */
    void replaceOwner(String organizationId, String oldEmail, String newEmail) {
        db.sql("DELETE FROM users WHERE organization_id = ? AND role = 'owner' AND lower(email) = lower(?)")
                .params(organizationId, oldEmail).update();
        upsert(organizationId, null, newEmail, Member.Role.owner);
    }

    public List<Member> findByOrganization(String organizationId) {
        return db.sql("SELECT " + COLUMNS + " FROM users WHERE organization_id = ? ORDER BY workspace_id NULLS FIRST, role, email")
                .param(organizationId).query(Member.class).list();
    }

    /** Every membership of the address, in any organization. */
    public List<Member> findByEmail(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(?) ORDER BY organization_id, id")
                .param(email.strip()).query(Member.class).list();
    }

    /** Members of the workspace with the role, plus organization-wide members with it. */
    public List<Member> findByWorkspaceAndRole(String organizationId, String workspaceId, Member.Role role) {
        return db.sql("SELECT " + COLUMNS + """
                 FROM users WHERE organization_id = ? AND (workspace_id = ? OR workspace_id IS NULL) AND role = ?
                ORDER BY email""")
                .params(organizationId, workspaceId, role.name()).query(Member.class).list();
    }
}
