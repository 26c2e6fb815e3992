package com.wapi.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.WapiApplication;
import com.wapi.analytics.cli.WapiCommandLine;
import com.wapi.analytics.simulate.PlatformEvents;
import com.wapi.analytics.support.CliResult;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.ApiToken;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two servers on the same databases. Tokens are read from Postgres on every request (ApiTokens keeps no cache of
 * them), so a token revoked, or past its expiry, is refused with 401 by both servers from the very next request,
 * on /events and on the reporting API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRevocationTests {

    final HttpClient http = HttpClient.newHttpClient();
    List<ConfigurableApplicationContext> servers;
    Setup setup;
    JdbcClient db;

    @BeforeAll
    void twoServers() {
        TestDatabases.Pair databases = TestDatabases.create();
        servers = Stream.of(1, 2).map(i -> serve(databases)).toList();
        setup = servers.get(0).getBean(Setup.class);
        db = servers.get(0).getBean(JdbcClient.class);
        setup.createOrganization("acme", "Acme", "UTC", "owner@acme.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace("ws-a", "acme", "A");
    }

    @AfterAll
    void stop() {
        servers.forEach(ConfigurableApplicationContext::close);
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
        CliResult result = CliResult.run(servers.get(1).getBean(WapiCommandLine.class), "token", "revoke", "--id",
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
        int port = ((WebServerApplicationContext) servers.get(server)).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static ConfigurableApplicationContext serve(TestDatabases.Pair databases) {
        Stream<String> args = Stream.concat(databases.springProperties().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()),
                Stream.of("--server.port=0", "--wapi.scheduler.enabled=false", "--wapi.meta.app-secret=s",
                        "--wapi.meta.verify-token=v"));
        return new SpringApplicationBuilder(WapiApplication.class).profiles("serve").run(args.toArray(String[]::new));
    }
}
