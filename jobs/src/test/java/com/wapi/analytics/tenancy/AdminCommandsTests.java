package com.wapi.analytics.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** org show/set, token list/create/revoke, user set-role/remove, phone add/move/remove: success, bad input, audit row. */
class AdminCommandsTests extends IntegrationTest {

    @Autowired WapiCommandLine cli;
    @Autowired JdbcClient db;

    @BeforeEach
    void organizations() {
        if (db.sql("SELECT count(*) FROM organizations WHERE id = 'acme'").query(Long.class).single() == 0) {
            ok("org", "create", "--id", "acme", "--name", "Acme", "--timezone", "Asia/Kolkata", "--owner-email", "owner@acme.test");
            ok("workspace", "create", "--org", "acme", "--id", "acme-sales", "--name", "Sales");
            ok("workspace", "create", "--org", "acme", "--id", "acme-care", "--name", "Care");
            ok("phone", "add", "--workspace", "acme-sales", "--phone-number-id", "111", "--waba-id", "9001");
            ok("org", "create", "--id", "globex", "--name", "Globex", "--timezone", "UTC", "--owner-email", "boss@globex.test");
            ok("workspace", "create", "--org", "globex", "--id", "globex-main", "--name", "Main");
        }
    }

    @Test
    void orgShowPrintsTheSettings() {
        assertThat(ok("org", "show", "acme")).contains("id: acme", "name: Acme", "timezone: Asia/Kolkata",
                "owner_email: owner@acme.test", "digest: on", "empty_day: send");
    }

    @Test
    void orgSetChangesOnlyWhatIsGivenAndAuditsBeforeAndAfter() {
        String out = ok("org", "set", "globex", "--timezone", "Pacific/Chatham", "--empty-day", "skip", "--actor", "alice");
        assertThat(out).contains("timezone: Pacific/Chatham", "empty_day: skip", "name: Globex", "digest: on");
        assertThat(ok("org", "show", "globex")).contains("timezone: Pacific/Chatham");
        Map<String, Object> row = lastAudit("org.set");
        assertThat(row).containsEntry("actor", "alice").containsEntry("organization_id", "globex").containsEntry("target", "globex");
        assertThat(row.get("before").toString()).contains("\"timezone\": \"UTC\"", "\"empty_day\": \"send\"");
        assertThat(row.get("after").toString()).contains("\"timezone\": \"Pacific/Chatham\"", "\"empty_day\": \"skip\"");
        assertThat(ok("audit", "admin", "--org", "globex")).contains("alice", "org.set", "Pacific/Chatham");
    }

    @Test
    void orgSetOwnerEmailReplacesTheOwnerWhoCannotBeRemoved() {
        ok("org", "create", "--id", "initech", "--name", "Initech", "--timezone", "UTC", "--owner-email", "old@initech.test");
        long oldOwner = memberId("initech", "old@initech.test");
        CliResult remove = CliResult.run(cli, "user", "remove", "--id", Long.toString(oldOwner));
        assertThat(remove.exitCode()).isEqualTo(2);
        assertThat(remove.err()).contains("cannot be removed", "org set initech --owner-email");
        assertThat(CliResult.run(cli, "user", "set-role", "--id", Long.toString(oldOwner), "--role", "admin").exitCode())
                .isEqualTo(2);

        ok("org", "set", "initech", "--owner-email", "new@initech.test");
        assertThat(ok("user", "list", "--org", "initech")).contains("new@initech.test").doesNotContain("old@initech.test");
        assertThat(lastAudit("org.set").get("after").toString()).contains("new@initech.test");
    }

    @Test
    void tokenCreateWithExpiryListRevokeAndTheirAuditRows() {
        ok("token", "create", "--workspace", "acme-sales", "--kind", "read", "--expires-in", "90d", "--actor", "bob");
        long id = db.sql("SELECT max(id) FROM api_tokens").query(Long.class).single();
        assertThat(lastAudit("token.create")).containsEntry("actor", "bob").containsEntry("target", Long.toString(id))
                .containsEntry("organization_id", "acme");
        assertThat(db.sql("SELECT expires_at BETWEEN now() + interval '89 days' AND now() + interval '91 days' FROM api_tokens WHERE id = ?")
                .param(id).query(Boolean.class).single()).isTrue();

        String list = ok("token", "list", "--org", "acme");
        assertThat(list).contains("ID", "KIND", "SCOPE", "CREATED", "LAST USED", "EXPIRES", "REVOKED", "workspace acme-sales");
        assertThat(ok("token", "list", "--workspace", "globex-main")).doesNotContain("acme-sales");

        assertThat(ok("token", "revoke", "--id", Long.toString(id), "--actor", "bob")).isEmpty();
        Map<String, Object> row = lastAudit("token.revoke");
        assertThat(row.get("before").toString()).contains("\"revoked_at\": null");
        assertThat(row.get("after").toString()).doesNotContain("\"revoked_at\": null");
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains("token_hash"));
        assertThat(CliResult.run(cli, "token", "revoke", "--id", Long.toString(id)).err()).contains("revoked", "already");
    }

    @Test
    void userSetRoleAndRemoveAreAudited() {
        long id = Long.parseLong(ok("user", "add", "--org", "acme", "--workspace", "acme-sales", "--email", "m@acme.test",
                "--role", "manager"));
        assertThat(lastAudit("user.add").get("after").toString()).contains("m@acme.test", "manager");

        ok("user", "set-role", "--id", Long.toString(id), "--role", "admin", "--actor", "carol");
        Map<String, Object> row = lastAudit("user.set-role");
        assertThat(row).containsEntry("actor", "carol").containsEntry("workspace_id", "acme-sales");
        assertThat(row.get("before").toString()).contains("manager");
        assertThat(row.get("after").toString()).contains("admin");

        ok("user", "remove", "--id", Long.toString(id));
        assertThat(ok("user", "list", "--org", "acme")).doesNotContain("m@acme.test");
        row = lastAudit("user.remove");
        assertThat(row.get("actor").toString()).startsWith("os:");
        assertThat(row.get("before").toString()).contains("m@acme.test");
        assertThat(row.get("after")).isNull();
    }

    @Test
    void phoneMoveAndRemoveAreAuditedAndKeepTheRouteHistory() {
        ok("phone", "add", "--workspace", "acme-sales", "--phone-number-id", "222", "--waba-id", "9001", "--actor", "dave");
        assertThat(lastAudit("phone.add")).containsEntry("actor", "dave").containsEntry("target", "222");

        ok("phone", "move", "--phone-number-id", "222", "--to-workspace", "acme-care");
        assertThat(ok("phone", "list", "--workspace", "acme-care")).contains("222");
        Map<String, Object> moved = lastAudit("phone.move");
        assertThat(moved.get("before").toString()).contains("acme-sales");
        assertThat(moved.get("after").toString()).contains("acme-care");

        ok("phone", "remove", "--phone-number-id", "222");
        assertThat(ok("phone", "list")).doesNotContain("222");
        assertThat(lastAudit("phone.remove").get("before").toString()).contains("acme-care");
        assertThat(db.sql("SELECT workspace_id || ' ' || (valid_to IS NOT NULL) FROM phone_number_routes WHERE phone_number_id = '222' ORDER BY id")
                .query(String.class).list()).containsExactly("acme-sales true", "acme-care true");
    }

    @Test
    void aWabaIdHeldByAnotherOrganizationIsRefusedWithTheFix() {
        CliResult add = CliResult.run(cli, "phone", "add", "--workspace", "globex-main", "--phone-number-id", "333",
                "--waba-id", "9001");
        assertThat(add.exitCode()).isEqualTo(2);
        assertThat(add.err()).contains("WhatsApp Business Account 9001 belongs to organization acme", "--waba-id");
        ok("phone", "add", "--workspace", "acme-care", "--phone-number-id", "112", "--waba-id", "9001");
        CliResult move = CliResult.run(cli, "phone", "move", "--phone-number-id", "111", "--to-workspace", "globex-main");
        assertThat(move.exitCode()).as("the account's number 112 would stay in acme").isEqualTo(2);
        assertThat(move.err()).contains("belongs to organization acme");
    }

    static List<List<String>> badInput() {
        return List.of(
                List.of("org", "show", "nope"),
                List.of("org", "set", "nope", "--name", "X"),
                List.of("org", "set", "acme"),
                List.of("org", "set", "acme", "--timezone", "Mars/Base"),
                List.of("org", "set", "acme", "--owner-email", "not-an-email"),
                List.of("org", "set", "acme", "--digest", "maybe"),
                List.of("token", "create", "--workspace", "acme-sales", "--kind", "read", "--expires-in", "forever"),
                List.of("token", "create", "--workspace", "acme-sales", "--kind", "read", "--expires-in", "0d"),
                List.of("token", "revoke", "--id", "999999"),
                List.of("token", "list", "--workspace", "acme-sales", "--org", "acme"),
                List.of("user", "set-role", "--id", "999999", "--role", "admin"),
                List.of("user", "remove", "--id", "999999"),
                List.of("user", "list", "--org", "nope"),
                List.of("phone", "move", "--phone-number-id", "999", "--to-workspace", "acme-care"),
                List.of("phone", "move", "--phone-number-id", "111", "--to-workspace", "nope"),
                List.of("phone", "move", "--phone-number-id", "111", "--to-workspace", "acme-sales"),
                List.of("phone", "remove", "--phone-number-id", "999"),
                List.of("phone", "add", "--workspace", "globex-main", "--phone-number-id", "444", "--waba-id", "9001"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputExitsTwoNamingTheFixAndChangesNothing(List<String> args) {
        long auditRows = db.sql("SELECT count(*) FROM admin_audit").query(Long.class).single();
        String state = state();
        CliResult result = CliResult.run(cli, args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ");
        assertThat(result.out()).isEmpty();
        assertThat(db.sql("SELECT count(*) FROM admin_audit").query(Long.class).single()).isEqualTo(auditRows);
        assertThat(state()).isEqualTo(state);
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"org", "show"}, {"org", "set"}, {"token", "revoke"}, {"token", "list"},
                {"user", "set-role"}, {"user", "remove"}, {"phone", "move"}, {"phone", "remove"}}) {
            CliResult help = CliResult.run(cli, command[0], command[1], "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Usage:");
        }
    }

    private String state() {
        return db.sql("""
                SELECT (SELECT string_agg(o::text, ',' ORDER BY id) FROM organizations o)
                    || (SELECT string_agg(u::text, ',' ORDER BY id) FROM users u)
                    || (SELECT string_agg(p::text, ',' ORDER BY phone_number_id) FROM phone_numbers p)
                    || (SELECT string_agg(r::text, ',' ORDER BY id) FROM phone_number_routes r)
                    || coalesce((SELECT string_agg(t::text, ',' ORDER BY id) FROM api_tokens t), '')""")
                .query(String.class).single();
    }

    private Map<String, Object> lastAudit(String action) {
        return db.sql("""
                SELECT actor, organization_id, workspace_id, target, before::text AS before, after::text AS after
                  FROM admin_audit WHERE action = ? ORDER BY id DESC LIMIT 1""").param(action).query().singleRow();
    }

    private long memberId(String org, String email) {
        return db.sql("SELECT id FROM users WHERE organization_id = ? AND email = ?").params(org, email)
                .query(Long.class).single();
    }

    private String ok(String... args) {
        CliResult result = CliResult.run(cli, args);
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), result.err()).isZero();
        return result.out().strip();
    }
}
