package com.wapi.analytics.privacy;

import com.wapi.analytics.InvalidInputException;
import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.jobs.JobLock;
import com.wapi.analytics.tenancy.AdminAudit;
import com.wapi.analytics.tenancy.PhoneNumber;
import com.wapi.analytics.tenancy.PhoneNumberRepository;
import com.wapi.analytics.tenancy.Workspace;
import com.wapi.analytics.tenancy.WorkspaceRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erases one contact from one workspace: its raw events (Postgres), their quarantine entries and its facts
 * (ClickHouse), and records the erasure (counts, never the data) in the admin audit trail.
 *
 * <p>Raw events are the one place where rows are deleted outside retention. A platform event naming the contact
 * (or one whose fact is erased, such as a conversation's later events) is deleted; a Meta body is rewritten
 * without the contact's items, and deleted when nothing else is left in it ({@link MetaBodies}). Holds the etl
 * lock throughout, so no load writes the contact's facts back while they are being erased.
 */
@Service
public class ContactErasure {

    /** A wa_id (digits) or a business-scoped user id such as {@code US.13491208655302741918}. */
    private static final Pattern CONTACT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Result(long rawDeleted, long rawRewritten, long quarantineDeleted, Map<String, Long> factRows) {

        Map<String, Object> asAudit() {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("raw_events_deleted", rawDeleted);
            after.put("raw_events_rewritten", rawRewritten);
            after.put("quarantine_deleted", quarantineDeleted);
            after.put("fact_rows_deleted", factRows);
            return after;
        }
    }

    private record RawRow(long id, OffsetDateTime receivedAt, String source, byte[] body) {
    }

    private final JdbcClient postgres;
    private final TransactionTemplate transaction;
    private final ClickHouse clickHouse;
    private final JobLock lock;
    private final AdminAudit audit;
    private final WorkspaceRepository workspaces;
    private final PhoneNumberRepository phones;

    public ContactErasure(JdbcClient postgres, TransactionTemplate transaction, ClickHouse clickHouse, JobLock lock,
            AdminAudit audit, WorkspaceRepository workspaces, PhoneNumberRepository phones) {
        this.postgres = postgres;
        this.transaction = transaction;
        this.clickHouse = clickHouse;
        this.lock = lock;
        this.audit = audit;
        this.workspaces = workspaces;
        this.phones = phones;
    }

    public Result erase(String workspaceId, String contact, String actor) throws InterruptedException {
        if (contact == null || !CONTACT.matcher(contact).matches()) {
            throw new InvalidInputException("--contact '" + contact + "' is not a contact id: give the wa_id (digits, "
                    + "e.g. 919876540001) or the business-scoped user id (e.g. US.13491208655302741918)");
        }
        Workspace workspace = workspaces.findById(workspaceId).orElseThrow(() -> new InvalidInputException(
                "no workspace '" + workspaceId + "': see `scripts/wapi workspace list` for the ids"));
        try (JobLock.Held ignored = lock.tryAcquire("etl", Duration.ofMinutes(2)).orElseThrow(
                () -> new IllegalStateException("an etl run held its lock for 2 minutes; run the erase again"))) {
            ContactFacts facts = new ContactFacts(clickHouse, workspaceId, contact);
            Map<String, Long> factRows = facts.counts();
            Result result = transaction.execute(status -> {
                Result r = eraseRaw(workspaceId, contact, new HashSet<>(facts.rawEventIds()), factRows);
                audit.record(new AdminAudit.Change(actor, workspace.organizationId(), workspaceId, "contact.erase",
                        pseudonym(workspaceId, contact), null, r.asAudit()));
                return r;
            });
            facts.delete(Duration.ofMinutes(5));
            return result;
        }
    }

    private Result eraseRaw(String workspaceId, String contact, Set<Long> factEventIds, Map<String, Long> factRows) {
        Set<String> numbers = new HashSet<>();
        for (PhoneNumber phone : phones.findAll(workspaceId)) {
            numbers.add(phone.phoneNumberId());
        }
        // The contact's raw events: those its facts came from, and any of the workspace's naming it (not loaded
        // yet, or quarantined). The byte search narrows the scan before the bodies are parsed here.
        List<RawRow> rows = postgres.sql("""
                SELECT id, received_at, source, body FROM raw_events
                 WHERE id = ANY(?)
                    OR (position(convert_to(?, 'UTF8') IN body) > 0
                        AND (workspace_id = ? OR (source = 'meta' AND route_key = ANY(?))))""")
                .params(factEventIds.toArray(Long[]::new), contact, workspaceId, numbers.toArray(String[]::new))
                .query(RawRow.class).list();
        List<Long> deleted = new ArrayList<>();
        List<Long> rewritten = new ArrayList<>();
        for (RawRow row : rows) {
            if (!"meta".equals(row.source())) {
                if (factEventIds.contains(row.id()) || namesContact(row.body(), contact)) {
                    delete(row, deleted);
                }
                continue;
            }
            MetaBodies.Outcome outcome = MetaBodies.without(row.body(), contact, numbers);
            if (outcome.kind() == MetaBodies.Kind.EMPTIED) {
                delete(row, deleted);
            } else if (outcome.kind() == MetaBodies.Kind.REWRITTEN) {
                postgres.sql("UPDATE raw_events SET body = ? WHERE id = ? AND received_at = ?")
                        .params(outcome.body(), row.id(), row.receivedAt()).update();
                rewritten.add(row.id());
            }
        }
        long quarantine = postgres.sql("DELETE FROM quarantine WHERE raw_event_id = ANY(?)")
                .param(deleted.toArray(Long[]::new)).update();
        // A rewritten body's quarantine reason stays; its detail may quote the contact.
        postgres.sql("""
                UPDATE quarantine SET detail = 'detail erased with a contact'
                 WHERE raw_event_id = ANY(?) AND position(? IN detail) > 0""")
                .params(rewritten.toArray(Long[]::new), contact).update();
        return new Result(deleted.size(), rewritten.size(), quarantine, factRows);
    }

    private void delete(RawRow row, List<Long> deleted) {
        postgres.sql("DELETE FROM raw_events WHERE id = ? AND received_at = ?").params(row.id(), row.receivedAt())
                .update();
        deleted.add(row.id());
    }

    /** A platform event's contact_id is the contact, or the body cannot be read (and it holds the contact id). */
    private static boolean namesContact(byte[] body, String contact) {
        try {
            return contact.equals(JSON.readTree(body).path("contact_id").asString(""));
        } catch (JacksonException e) {
            return true;
        }
    }

    /**
     * The audit trail names the erased contact by a hash of workspace and contact, not by its phone number: whoever knows the
     * number and the workspace can check it was erased, the trail itself holds no personal data.
     */
    static String pseudonym(String workspaceId, String contact) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((workspaceId + "\n" + contact).getBytes(StandardCharsets.UTF_8));
            return "contact:sha256:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
