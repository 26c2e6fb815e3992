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

class SetupCommandsTests extends IntegrationTest {

    @Autowired WapiCommandLine cli;
    @Autowired JdbcClient db;

    @BeforeEach
    void baseSetUp() {
        if (db.sql("SELECT count(*) FROM organizations WHERE id = 'acme'").query(Long.class).single() == 0) {
            ok("org", "create", "--id", "acme", "--name", "Acme", "--timezone", "Asia/Kolkata", "--owner-email", "owner@acme.test");
            ok("workspace", "create", "--org", "acme", "--id", "acme-sales", "--name", "Sales");
            ok("phone", "add", "--workspace", "acme-sales", "--phone-number-id", "106540352242922", "--waba-id", "102290129340398");
        }
    }

    @Test
    void createPrintsTheNewIdAloneAndListShowsIt() {
        String org = ok("org", "create", "--name", "Globex", "--timezone", "America/New_York",
                "--owner-email", "boss@globex.test", "--digest", "off", "--empty-day", "skip");
        assertThat(org).matches("org_[a-z0-9]{10}");
        String ws = ok("workspace", "create", "--org", org, "--name", "Support");
        assertThat(ws).matches("ws_[a-z0-9]{10}");

        String list = CliResult.run(cli, "org", "list").out();
        assertThat(list).contains(org, "Globex", "America/New_York", "boss@globex.test", "off", "skip");
        assertThat(CliResult.run(cli, "workspace", "list", "--org", org).out()).contains(ws, "Support");
        assertThat(CliResult.run(cli, "user", "list", "--org", org).out()).contains("boss@globex.test", "owner");
        assertThat(CliResult.run(cli, "phone", "list").out()).contains("106540352242922", "acme-sales");
    }

    static List<List<String>> badInput() {
        return List.of(
                List.of("org", "create", "--name", "X", "--timezone", "Mars/Base", "--owner-email", "a@b.test"),
                List.of("org", "create", "--id", "acme", "--name", "X", "--timezone", "UTC", "--owner-email", "a@b.test"),
                List.of("org", "create", "--name", "X", "--timezone", "UTC", "--owner-email", "not-an-email"),
                List.of("phone", "add", "--workspace", "acme-sales", "--phone-number-id", "106540352242922"),
                List.of("phone", "add", "--workspace", "nope", "--phone-number-id", "1234"),
                List.of("user", "add", "--org", "acme", "--email", "x@acme.test", "--role", "boss"),
                List.of("workspace", "create", "--org", "no-such-org", "--name", "X"),
                List.of("token", "create", "--workspace", "nope", "--kind", "read"),
                List.of("token", "create", "--workspace", "acme-sales", "--org", "acme", "--kind", "read"),
                List.of("org", "create", "--name", "X"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputExitsTwoWithOneLineNamingTheFixAndWritesNothing(List<String> args) {
        Map<String, Long> before = rowCounts();
        CliResult result = CliResult.run(cli, args.toArray(String[]::new));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).startsWith("error: ");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void errorsNameTheFix() {
        assertThat(CliResult.run(cli, "org", "create", "--name", "X", "--timezone", "Mars/Base", "--owner-email", "a@b.test").err())
                .contains("unknown time zone 'Mars/Base'", "IANA name");
        assertThat(CliResult.run(cli, "phone", "add", "--workspace", "acme-sales", "--phone-number-id", "106540352242922").err())
                .contains("already belongs to workspace acme-sales");
        assertThat(CliResult.run(cli, "user", "add", "--org", "acme", "--email", "x@acme.test", "--role", "boss").err())
                .contains("owner", "admin", "manager", "agent");
        assertThat(CliResult.run(cli, "workspace", "create", "--org", "no-such-org", "--name", "X").err())
                .contains("unknown organization 'no-such-org'", "scripts/wapi org list");
    }

    @Test
    void tokenIsPrintedOnceAndStoredOnlyAsItsHash() {
        String token = ok("token", "create", "--workspace", "acme-sales", "--kind", "ingest");
        assertThat(token).startsWith("wapi_ingest_").hasSizeGreaterThan(40);

        Map<String, Object> row = db.sql("SELECT * FROM api_tokens ORDER BY id DESC LIMIT 1").query().singleRow();
        assertThat(row.get("token_hash")).isEqualTo(ApiTokens.hash(token));
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(token));
        assertThat(CliResult.run(cli, "token", "list").out()).doesNotContain(token).contains(token.substring(0, 16));
    }

    @Test
    void organizationTokensMayOnlyRead() {
        assertThat(CliResult.run(cli, "token", "create", "--org", "acme", "--kind", "ingest").exitCode()).isEqualTo(2);
        assertThat(ok("token", "create", "--org", "acme", "--kind", "read")).startsWith("wapi_read_");
    }

    @Test
    void usersGetRolesPerWorkspace() {
        ok("user", "add", "--org", "acme", "--workspace", "acme-sales", "--email", "m@acme.test", "--role", "manager");
        assertThat(CliResult.run(cli, "user", "list", "--org", "acme").out()).contains("m@acme.test", "manager", "acme-sales");
    }

    private String ok(String... args) {
        CliResult result = CliResult.run(cli, args);
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), result.err()).isZero();
        return result.line();
    }

    private Map<String, Long> rowCounts() {
        return Map.of("organizations", count("organizations"), "workspaces", count("workspaces"),
                "phone_numbers", count("phone_numbers"), "users", count("users"), "api_tokens", count("api_tokens"));
    }

    private long count(String table) {
        return db.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
