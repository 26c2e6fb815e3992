package com.wapi.analytics.tenancy;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PhoneNumberRepository {

    private final JdbcClient db;

    public PhoneNumberRepository(JdbcClient db) {
        this.db = db;
    }

    void insert(PhoneNumber phone) {
        db.sql("INSERT INTO phone_numbers (phone_number_id, workspace_id, waba_id, display_number) VALUES (?, ?, ?, ?)")
                .params(phone.phoneNumberId(), phone.workspaceId(), phone.wabaId(), phone.displayNumber()).update();
    }

    public Optional<PhoneNumber> findById(String phoneNumberId) {
        return db.sql("""
                SELECT phone_number_id, workspace_id, waba_id, display_number FROM phone_numbers
                WHERE phone_number_id = ?""").param(phoneNumberId).query(PhoneNumber.class).optional();
    }

    /** Every workspace with a number on the WhatsApp Business Account: where its template and account updates go. */
    public List<String> workspacesOfAccount(String wabaId) {
        return db.sql("SELECT DISTINCT workspace_id FROM phone_numbers WHERE waba_id = ? ORDER BY workspace_id")
                .param(wabaId).query(String.class).list();
    }

    public List<PhoneNumber> findAll(String workspaceId) {
        return db.sql("""
                SELECT phone_number_id, workspace_id, waba_id, display_number FROM phone_numbers
                WHERE ?::text IS NULL OR workspace_id = ? ORDER BY workspace_id, phone_number_id""")
                .params(workspaceId, workspaceId).query(PhoneNumber.class).list();
    }
}
