package com.wapi.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.WapiApplication;
import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.simulate.PlatformEvents;
import com.wapi.analytics.support.ChildJvm;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.ApiToken;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two {@code serve} processes on the same databases. Tokens are read from Postgres on every request (ApiTokens keeps
 * no cache of them), so a token revoked with {@code token revoke}, or past its expiry, is refused with 401 by both
 * processes from the very next request, on /events and on the reporting API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRevocationTests {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<Process> servers = new ArrayList<>();
    final List<Integer> ports = new ArrayList<>();
    ConfigurableApplicationContext admin;
    Setup setup;
    JdbcClient db;

    @BeforeAll
    void twoServeProcesses() throws Exception {
        TestDatabases.Pair databases = TestDatabases.create();
        Path logs = Files.createDirectories(Path.of("target", "token-revocation"));
        for (int i = 1; i <= 2; i++) {
            int port = ChildJvm.freePort();
            ports.add(port);
            servers.add(ChildJvm.wapi(databases, logs.resolve("serve-" + i + ".log"), List.of("-Xmx256m",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dserver.port=" + port,
                    "-Dmanagement.server.port=" + ChildJvm.freePort(), "-Dwapi.scheduler.enabled=false",
                    "-Dwapi.meta.app-secret=s", "-Dwapi.meta.verify-token=v"), "serve"));
        }
        admin = new SpringApplicationBuilder(WapiApplication.class).web(WebApplicationType.NONE)
                .run(databases.springProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        setup = admin.getBean(Setup.class);
        db = admin.getBean(JdbcClient.class);
        setup.createOrganization("acme", "Acme", "UTC", "owner@acme.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace("ws-a", "acme", "A");
        for (int server = 0; server < 2; server++) {
            ChildJvm.awaitUp(servers.get(server), ports.get(server), logs.resolve("serve-" + (server + 1) + ".log"));
        }
    }

    @AfterAll
    void stop() {
        servers.forEach(Process::destroy);
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void aRevokedTokensNextRequestIsRefusedByBothServers() throws Exception {
        String ingest = setup.createToken("ws-a", null, ApiToken.Kind.ingest).secret();
        String read = setup.createToken("ws-a", null, ApiToken.Kind.read).secret();
        for (int server = 0; server < 2; server++) {
            assertThat(events(server, ingest)).isEqualTo(202);
            assertThat(report(server, read)).isEqualTo(200);
        }

        revoke(ingest);
        revoke(read);

        for (int server = 0; server < 2; server++) {
            assertThat(events(server, ingest)).as("server %d, /events", server + 1).isEqualTo(401);
            assertThat(report(server, read)).as("server %d, API", server + 1).isEqualTo(401);
        }
    }

    @Test
    void anExpiredTokenIsRefusedByBothServersAndLastUseIsRecorded() throws Exception {
        String ingest = setup.createToken("ws-a", null, ApiToken.Kind.ingest).secret();
        assertThat(events(0, ingest)).isEqualTo(202);
        assertThat(db.sql("SELECT last_used_at IS NOT NULL FROM api_tokens WHERE token_prefix = ?")
                .param(ingest.substring(0, 16)).query(Boolean.class).single()).isTrue();

        db.sql("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE token_prefix = ?")
                .param(ingest.substring(0, 16)).update();
        assertThat(events(0, ingest)).isEqualTo(401);
        assertThat(events(1, ingest)).isEqualTo(401);
    }

    private void revoke(String secret) {
        long id = db.sql("SELECT id FROM api_tokens WHERE token_prefix = ?").param(secret.substring(0, 16))
                .query(Long.class).single();
        CliResult result = CliResult.run(admin.getBean(WapiCommandLine.class), "token", "revoke", "--id",
                Long.toString(id));
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    private int events(int server, String token) throws Exception {
        byte[] event = PlatformEvents.bytes(new PlatformEvents("ws-a").conversationAssigned("e-" + System.nanoTime(),
                Instant.parse("2026-11-24T10:00:00Z"), "c1", "a1", "t1", "a1"));
        return http.send(HttpRequest.newBuilder(uri(server, "/events")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(event)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private int report(int server, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(server, "/api/v1/workspaces/ws-a/reports/delivery?from=2026-11-01&to=2026-11-02"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private URI uri(int server, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(server) + path);
    }
}
