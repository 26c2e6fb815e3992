package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganizationRepository {

    private final JdbcClient db;

    public OrganizationRepository(JdbcClient db) {
        this.db = db;
    }

    void insert(Organization org) {
        db.sql("""
                INSERT INTO organizations (id, name, time_zone, owner_email, digest_enabled, empty_day_mode, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(org.id(), org.name(), org.timeZone().getId(), org.ownerEmail(), org.digestEnabled(),
                        org.emptyDayMode().name(), Timestamp.from(org.createdAt()))
                .update();
    }

    void update(Organization org) {
        db.sql("""
                UPDATE organizations SET name = ?, time_zone = ?, owner_email = ?, digest_enabled = ?, empty_day_mode = ?
                 WHERE id = ?""")
                .params(org.name(), org.timeZone().getId(), org.ownerEmail(), org.digestEnabled(),
                        org.emptyDayMode().name(), org.id())
                .update();
    }

    /** For simulated organizations that are meant to have existed before the traffic they receive. */
    public void existingSince(String id, Instant since) {
        db.sql("UPDATE organizations SET created_at = least(created_at, ?) WHERE id = ?")
                .params(Timestamp.from(since), id).update();
    }

    public Optional<Organization> findById(String id) {
        return db.sql("SELECT * FROM organizations WHERE id = ?").param(id).query(OrganizationRepository::map).optional();
    }

    /** The organization, or the error a user can act on. */
    Organization require(String id) {
        return findById(id).orElseThrow(() -> new InvalidInputException("unknown organization '" + id
                + "': list them with `scripts/wapi org list` or create it with `scripts/wapi org create`"));
    }

    public List<Organization> findAll() {
        return db.sql("SELECT * FROM organizations ORDER BY id").query(OrganizationRepository::map).list();
    }

    private static Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(rs.getString("id"), rs.getString("name"), ZoneId.of(rs.getString("time_zone")),
                rs.getString("owner_email"), rs.getBoolean("digest_enabled"),
                Organization.EmptyDayMode.valueOf(rs.getString("empty_day_mode")), rs.getTimestamp("created_at").toInstant());
    }
}
