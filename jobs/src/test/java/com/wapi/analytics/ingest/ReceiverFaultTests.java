package com.wapi.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.support.TcpProxy;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.ApiToken;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The receiver under slow and lying clients, a failing landing writer and a Postgres that goes away. The server has
 * four worker threads, so any request that held one while its client dawdled would starve the rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wapi.meta.app-secret=" + ReceiverTests.SECRET, "wapi.scheduler.enabled=false",
                "server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=1",
                "wapi.ingest.max-webhook-bytes=65536", "wapi.ingest.body-budget-bytes=100000",
                "wapi.ingest.body-deadline-millis=3000", "wapi.ingest.writer-stall-millis=1500",
                "spring.datasource.hikari.connection-timeout=1000"})
@ActiveProfiles("serve")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiverFaultTests {

    static TestDatabases.Pair databases;
    static TcpProxy postgres;

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) throws IOException {
        databases = TestDatabases.create();
        int pgPort = URI.create(databases.pgUrl().substring(5)).getPort();
        postgres = new TcpProxy(pgPort);
        databases.springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.datasource.url", () -> databases.pgUrl().replace(":" + pgPort + "/", ":" + postgres.port() + "/"));
    }

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;
    @Autowired Setup setup;
    @Autowired RawEventLander lander;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    JdbcClient db;
    String ingestToken;
    String readToken;

    @BeforeAll
    void setUp() {
        db = databases.postgres();
        setup.createOrganization("acme", "Acme", "UTC", "owner@acme.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace("ws-a", "acme", "A");
        setup.addPhoneNumber("ws-a", ReceiverTests.PHONE, "102290129340398", null);
        ingestToken = setup.createToken("ws-a", null, ApiToken.Kind.ingest).secret();
        readToken = setup.createToken("ws-a", null, ApiToken.Kind.read).secret();
    }

    @AfterAll
    void closeProxy() {
        postgres.close();
    }

    @Test
    void tricklingClientsHoldNoThreadAndAreCutAtTheDeadline() throws Exception {
        get("/api/v1/workspaces/ws-a/reports/delivery?from=2026-11-01&to=2026-11-02", readToken); // warm, not timed
        List<Socket> trickling = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            trickling.add(startBody(i % 3 == 0 ? EventsController.PATH : WebhookController.PATH, 1000, "{\"entry\":"));
        }
        long start = System.nanoTime();
        byte[] body = ReceiverTests.status("wamid.BESIDE_SLOW");
        assertThat(timed(() -> postWebhook(body, WebhookSignature.sign(ReceiverTests.SECRET, body)))).isEqualTo(200);
        assertThat(timed(() -> postEvents(ReceiverTests.event("e-beside-slow", "ws-a")))).isEqualTo(202);
        assertThat(timed(() -> get("/api/v1/workspaces/ws-a/reports/delivery?from=2026-11-01&to=2026-11-02", readToken)))
                .isEqualTo(200);
        assertThat(timed(() -> get("/actuator/health", null))).isEqualTo(200);

        for (Socket socket : trickling) {
            assertThat(statusLine(socket)).startsWith("HTTP/1.1 408");
            socket.close();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(db.sql("SELECT count(*) FROM raw_events WHERE body = convert_to('{\"entry\":', 'UTF8')")
                .query(Long.class).single()).as("nothing of a cut body is stored").isZero();
    }

    /** The part that came with the headers is read at once, the rest as it arrives: the body lands whole. */
    @Test
    void aWebhookArrivingInPartsIsStoredWhole() throws Exception {
        byte[] body = ReceiverTests.status("wamid.IN_PARTS");
        String head = "POST " + WebhookController.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "X-Hub-Signature-256: " + WebhookSignature.sign(ReceiverTests.SECRET, body) + "\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", webhookPort())) {
            socket.setSoTimeout(15_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            int third = body.length / 3;
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, third);
            out.flush();
            Thread.sleep(300);
            out.write(body, third, third);
            out.flush();
            Thread.sleep(300);
            out.write(body, 2 * third, body.length - 2 * third);
            out.flush();
            assertThat(statusLine(socket)).startsWith("HTTP/1.1 200");
        }
        assertThat(db.sql("SELECT count(*) FROM raw_events WHERE body = ?").param(body).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyByteIsRead() throws Exception {
        try (Socket socket = startBody(WebhookController.PATH, 2_000_000_000L, "{")) {
            assertThat(statusLine(socket)).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void bodiesBeingReadShareOneBudgetAndAnswer503PastIt() throws Exception {
        try (Socket first = startBody(WebhookController.PATH, 65000, "x".repeat(60000))) {
            Thread.sleep(300);
            try (Socket second = startBody(WebhookController.PATH, 65000, "y".repeat(50000))) {
                String answer = response(second);
                assertThat(answer).startsWith("HTTP/1.1 503").containsIgnoringCase("Retry-After: 5").contains("busy");
            }
            byte[] small = ReceiverTests.status("wamid.WITHIN_BUDGET");
            assertThat(postWebhook(small, WebhookSignature.sign(ReceiverTests.SECRET, small)).statusCode()).isEqualTo(200);
            assertThat(statusLine(first)).startsWith("HTTP/1.1 408");
        }
        byte[] body = ("{\"pad\":\"" + "z".repeat(60000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(postWebhook(body, "sha256=00").statusCode()).as("the budget is back once the first is cut").isEqualTo(401);
    }

    @Test
    void anErrorInTheWriterFailsOnlyItsBatchAndTheWriterGoesOn() throws Exception {
        RawRow row = RawRow.keyed("test:oom", "platform", "ws-a", "oom", new byte[] {'{', '}'});
        CompletableFuture<boolean[]> impossible = lander.land(Collections.nCopies(Integer.MAX_VALUE, row));
        assertThat(impossible).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(OutOfMemoryError.class);

        byte[] body = ReceiverTests.status("wamid.AFTER_ERROR");
        assertThat(postWebhook(body, WebhookSignature.sign(ReceiverTests.SECRET, body)).statusCode()).isEqualTo(200);
        HttpResponse<String> health = healthDetails();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(landing(health).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void aStuckWriterTurnsHealthDownUntilItMovesAgain() throws Exception {
        byte[] body = ReceiverTests.status("wamid.BEHIND_LOCK");
        CompletableFuture<HttpResponse<String>> waiting;
        try (Connection locker = DriverManager.getConnection(databases.pgUrl(), databases.pgUser(), databases.pgPassword())) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("LOCK TABLE raw_event_keys IN ACCESS EXCLUSIVE MODE");
            waiting = http.sendAsync(webhookRequest(body, WebhookSignature.sign(ReceiverTests.SECRET, body)),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(2500);
            HttpResponse<String> health = healthDetails();
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(landing(health).get("status").asString()).isEqualTo("DOWN");
            assertThat(landing(health).get("details").get("writer").asString()).startsWith("stuck on one batch");
            locker.rollback();
        }
        assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(landing(healthDetails()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void postgresAwayAnswers503WithRetryAfterOnEveryPathThenEvery2xxIsStored() throws Exception {
        String routed = new String(ReceiverTests.status("wamid.PG_DOWN"), StandardCharsets.UTF_8).replace(ReceiverTests.PHONE, "555000111");
        byte[] body = routed.getBytes(StandardCharsets.UTF_8);
        postgres.cut();
        try {
            List<HttpResponse<String>> answers = List.of(
                    postWebhook(body, WebhookSignature.sign(ReceiverTests.SECRET, body)),
                    postEvents(ReceiverTests.event("e-pg-down", "ws-a")),
                    get("/api/v1/workspaces/ws-a/reports/delivery?from=2026-11-01&to=2026-11-02", readToken));
            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as(answer.uri().getPath()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).as(answer.uri().getPath()).contains("5");
            }
        } finally {
            postgres.restore();
        }
        // as Meta and the platform do: retry after 503 until the answer is 2xx
        assertThat(untilNot503(() -> postWebhook(body, WebhookSignature.sign(ReceiverTests.SECRET, body)))).isEqualTo(200);
        assertThat(untilNot503(() -> postEvents(ReceiverTests.event("e-pg-down", "ws-a")))).isEqualTo(202);
        assertThat(db.sql("SELECT count(*) FROM raw_events WHERE route_key IN ('555000111', 'e-pg-down')")
                .query(Long.class).single()).isEqualTo(2);
    }

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** The status of a call that must answer within 2 s. */
    static int timed(Call call) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = call.send();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(response.uri().getPath() + " beside slow clients")
                .isLessThan(Duration.ofSeconds(2));
        return response.statusCode();
    }

    static JsonNode landing(HttpResponse<String> health) {
        return ReceiverTests.JSON.readTree(health.body()).get("components").get("landing");
    }

    static int untilNot503(Call call) throws Exception {
        int status = 503;
        for (int attempt = 0; attempt < 5 && status == 503; attempt++) {
            Thread.sleep(attempt * 500L);
            status = call.send().statusCode();
        }
        return status;
    }

    /** Opens a POST declaring {@code declared} bytes and sends only {@code sent}. */
    Socket startBody(String path, long declared, String sent) throws IOException {
        Socket socket = new Socket("127.0.0.1", path.equals(WebhookController.PATH) ? webhookPort() : port);
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + ingestToken + "\r\nContent-Length: " + declared + "\r\n\r\n" + sent)
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    static String statusLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    static String response(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Health with its components: on the management port (the public port tells UP or DOWN only). */
    HttpResponse<String> healthDetails() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Where Meta's webhooks go: the main port here, the webhook port in {@link WebhookServerFaultTests}. */
    int webhookPort() {
        return port;
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest webhookRequest(byte[] body, String signature) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhookPort() + WebhookController.PATH))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    HttpResponse<String> postWebhook(byte[] body, String signature) throws Exception {
        return http.send(webhookRequest(body, signature), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postEvents(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + EventsController.PATH))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + ingestToken).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
