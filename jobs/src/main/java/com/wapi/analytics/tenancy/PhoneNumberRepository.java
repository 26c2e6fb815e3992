package com.wapi.analytics.tenancy;

import com.wapi.analytics.InvalidInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * phone_numbers holds each number's current workspace (what the receiver and `phone list` read);
 * phone_number_routes keeps every mapping with its validity, which the etl routes by.
 */
@Repository
public class PhoneNumberRepository {

    private static final String COLUMNS = "phone_number_id, workspace_id, waba_id, display_number";

    /** One mapping of a number to a workspace, in force from validFrom (inclusive) to validTo (exclusive, null: open). */
    public record Route(String phoneNumberId, String workspaceId, String wabaId, Instant validFrom, Instant validTo) {

        public boolean validAt(Instant at) {
            return !at.isBefore(validFrom) && (validTo == null || at.isBefore(validTo));
        }
    }

    private final JdbcClient db;

    public PhoneNumberRepository(JdbcClient db) {
        this.db = db;
    }

    /** Adds the number and opens its route: from -infinity for a new number, from its removal for one added again. */
    void insert(PhoneNumber phone) {
        db.sql("INSERT INTO phone_numbers (" + COLUMNS + ") VALUES (?, ?, ?, ?)")
                .params(phone.phoneNumberId(), phone.workspaceId(), phone.wabaId(), phone.displayNumber()).update();
        db.sql("""
                INSERT INTO phone_number_routes (phone_number_id, workspace_id, waba_id, valid_from)
                SELECT ?, ?, ?, coalesce(max(valid_to), '-infinity') FROM phone_number_routes WHERE phone_number_id = ?""")
                .params(phone.phoneNumberId(), phone.workspaceId(), phone.wabaId(), phone.phoneNumberId()).update();
    }

    /** Closes the number's route now; events received from now on are no longer routed by it. */
    void delete(String phoneNumberId) {
        db.sql("DELETE FROM phone_numbers WHERE phone_number_id = ?").param(phoneNumberId).update();
        closeRoute(phoneNumberId);
    }

    /** The number routes to {@code workspaceId} for events received from now on. */
    void move(String phoneNumberId, String workspaceId) {
        db.sql("UPDATE phone_numbers SET workspace_id = ? WHERE phone_number_id = ?").params(workspaceId, phoneNumberId).update();
        closeRoute(phoneNumberId);
        db.sql("""
                INSERT INTO phone_number_routes (phone_number_id, workspace_id, waba_id, valid_from)
                SELECT phone_number_id, ?, waba_id, now() FROM phone_numbers WHERE phone_number_id = ?""")
                .params(workspaceId, phoneNumberId).update();
    }

    private void closeRoute(String phoneNumberId) {
        db.sql("UPDATE phone_number_routes SET valid_to = now() WHERE phone_number_id = ? AND valid_to IS NULL")
                .param(phoneNumberId).update();
    }

    public Optional<PhoneNumber> findById(String phoneNumberId) {
        return db.sql("SELECT " + COLUMNS + " FROM phone_numbers WHERE phone_number_id = ?")
                .param(phoneNumberId).query(PhoneNumber.class).optional();
    }

    PhoneNumber require(String phoneNumberId) {
        return findById(phoneNumberId).orElseThrow(() -> new InvalidInputException("unknown phone_number_id '"
                + phoneNumberId + "': list them with `scripts/wapi phone list`"));
    }

    /** Organizations other than {@code organizationId} with a number on the WhatsApp Business Account. */
    List<String> otherOrganizationsOfAccount(String wabaId, String organizationId, String exceptPhoneNumberId) {
        return db.sql("""
                SELECT DISTINCT w.organization_id FROM phone_numbers p JOIN workspaces w ON w.id = p.workspace_id
                 WHERE p.waba_id = ? AND w.organization_id <> ? AND p.phone_number_id <> ? ORDER BY 1""")
                .params(wabaId, organizationId, exceptPhoneNumberId).query(String.class).list();
    }

    /** Every mapping the number has had, oldest first. */
    public List<Route> routesOfNumber(String phoneNumberId) {
        return db.sql("SELECT " + ROUTE_COLUMNS + " FROM phone_number_routes WHERE phone_number_id = ? ORDER BY valid_from")
                .param(phoneNumberId).query(PhoneNumberRepository::route).list();
    }

    /** Every mapping of a number on the WhatsApp Business Account: where its template and account updates went when. */
    public List<Route> routesOfAccount(String wabaId) {
        return db.sql("SELECT " + ROUTE_COLUMNS + " FROM phone_number_routes WHERE waba_id = ? ORDER BY workspace_id, valid_from")
                .param(wabaId).query(PhoneNumberRepository::route).list();
    }

    public List<PhoneNumber> findAll(String workspaceId) {
        return db.sql("SELECT " + COLUMNS + " FROM phone_numbers"
                + " WHERE ?::text IS NULL OR workspace_id = ? ORDER BY workspace_id, phone_number_id")
                .params(workspaceId, workspaceId).query(PhoneNumber.class).list();
    }

    private static final String ROUTE_COLUMNS = """
            phone_number_id, workspace_id, waba_id,
            CASE WHEN valid_from = '-infinity' THEN NULL ELSE valid_from END AS valid_from, valid_to""";

    private static Route route(ResultSet rs, int row) throws SQLException {
        Timestamp from = rs.getTimestamp("valid_from");
        Timestamp to = rs.getTimestamp("valid_to");
        return new Route(rs.getString("phone_number_id"), rs.getString("workspace_id"), rs.getString("waba_id"),
                from == null ? Instant.MIN : from.toInstant(), to == null ? null : to.toInstant());
    }
}
