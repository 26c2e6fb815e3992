package com.wapi.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.simulate.MetaPayloads;
import com.wapi.analytics.support.TestDatabases;
import com.wapi.analytics.tenancy.ApiToken;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wapi.meta.app-secret=test-secret", "wapi.meta.verify-token=verify-me",
                "wapi.ingest.max-webhook-bytes=65536", "wapi.scheduler.enabled=false"})
@ActiveProfiles("serve")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiverTests {

    static final String SECRET = "test-secret";
    static final String PHONE = "106540352242922";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        TestDatabases.create().springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @LocalServerPort int port;
    @Autowired Setup setup;
    @Autowired JdbcClient db;
    @Autowired RawEventLander lander;

    final HttpClient http = HttpClient.newHttpClient();
    String ingestToken;
    String readToken;
    String otherToken;

    @BeforeAll
    void setUp() {
        setup.createOrganization("acme", "Acme", "UTC", "owner@acme.test", true, Organization.EmptyDayMode.send);
        setup.createWorkspace("ws-a", "acme", "A");
        setup.createWorkspace("ws-b", "acme", "B");
        setup.addPhoneNumber("ws-a", PHONE, "102290129340398", null);
        ingestToken = setup.createToken("ws-a", null, ApiToken.Kind.ingest).secret();
        readToken = setup.createToken("ws-a", null, ApiToken.Kind.read).secret();
        otherToken = setup.createToken("ws-b", null, ApiToken.Kind.ingest).secret();
    }

    @Test
    void handshakeEchoesTheChallengeOnlyForTheRightToken() throws Exception {
        HttpResponse<String> ok = get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=verify-me");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope").statusCode()).isEqualTo(403);
        assertThat(get("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1").statusCode()).isEqualTo(403);
    }

    @Test
    void signatureIsCheckedOverTheRawBytes() throws Exception {
        byte[] body = status("wamid.SIG");
        String good = WebhookSignature.sign(SECRET, body);
        assertThat(postWebhook(body, null).statusCode()).isEqualTo(401);
        assertThat(postWebhook(body, WebhookSignature.sign("wrong-secret", body)).statusCode()).isEqualTo(401);
        assertThat(postWebhook(body, good.replace("sha256=", "sha1=")).statusCode()).isEqualTo(401);
        assertThat(postWebhook(body, good.substring(0, good.length() - 1)).statusCode()).as("odd-length hex").isEqualTo(401);
        assertThat(postWebhook(body, good.substring(0, good.length() - 2) + "zz").statusCode()).isEqualTo(401);
        assertThat(rawCount("wamid.SIG")).isZero();
        assertThat(postWebhook(body, "sha256=" + good.substring(7).toUpperCase()).statusCode()).as("upper-case hex").isEqualTo(200);
        assertThat(rawCount("wamid.SIG")).isEqualTo(1);
    }

    @Test
    void theSameBodyTwiceLandsOnce() throws Exception {
        byte[] body = status("wamid.TWICE");
        assertThat(postWebhook(body, WebhookSignature.sign(SECRET, body)).body()).contains("\"stored\":true");
        assertThat(postWebhook(body, WebhookSignature.sign(SECRET, body)).body()).contains("\"stored\":false");
        assertThat(rawCount("wamid.TWICE")).isEqualTo(1);
        assertThat(db.sql("SELECT workspace_id FROM raw_events WHERE position(convert_to('wamid.TWICE', 'UTF8') in body) > 0")
                .query(String.class).single()).isEqualTo("ws-a");
    }

    /** A client that sends its next requests before the first is answered gets every answer, in order. */
    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        byte[] first = status("wamid.PIPELINED_1");
        byte[] second = status("wamid.PIPELINED_2");
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        for (byte[] body : List.of(first, first, second)) {
            requests.write(("POST " + WebhookController.PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Hub-Signature-256: " + WebhookSignature.sign(SECRET, body) + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            requests.write(body);
        }
        requests.write(("GET " + WebhookController.PATH + "?hub.mode=subscribe&hub.challenge=77&hub.verify_token=verify-me"
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        try (Socket socket = new Socket("127.0.0.1", webhookPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.toByteArray());
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            assertThat(readAnswer(in)).startsWith("200 ").contains("\"stored\":true");
            assertThat(readAnswer(in)).startsWith("200 ").contains("\"stored\":false");
            assertThat(readAnswer(in)).startsWith("200 ").contains("\"stored\":true");
            assertThat(readAnswer(in)).isEqualTo("200 77");
        }
        assertThat(rawCount("wamid.PIPELINED_1")).isEqualTo(1);
        assertThat(rawCount("wamid.PIPELINED_2")).isEqualTo(1);
    }

    /** One HTTP/1.1 answer with a Content-Length, as "status body". */
    private static String readAnswer(DataInputStream in) throws IOException {
        String status = readLine(in).split(" ")[1];
        int length = 0;
        for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return status + " " + new String(body, StandardCharsets.UTF_8);
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** Keys stored as text before migration V21 were converted by raw_event_key; the receiver derives the same. */
    @Test
    void aKeyStoredBeforeTheUuidMigrationStillCatchesItsRepeat() throws Exception {
        byte[] body = status("wamid.BEFORE_V21");
        db.sql("INSERT INTO raw_event_keys (dedup_key) VALUES (raw_event_key(?))")
                .param("meta:" + WebhookController.sha256(body)).update();
        assertThat(postWebhook(body, WebhookSignature.sign(SECRET, body)).body()).contains("\"stored\":false");
        assertThat(rawCount("wamid.BEFORE_V21")).isZero();
    }

    @Test
    void tooLargeMalformedNonAsciiAndUnknownNumbersAreHandled() throws Exception {
        byte[] big = ("{\"pad\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(postWebhook(big, WebhookSignature.sign(SECRET, big)).statusCode()).isEqualTo(413);

        byte[] malformed = "{\"object\":\"whatsapp_business_account\",\"entry\":[ wamid.BROKEN".getBytes(StandardCharsets.UTF_8);
        assertThat(postWebhook(malformed, WebhookSignature.sign(SECRET, malformed)).statusCode()).isEqualTo(200);
        assertThat(rawCount("wamid.BROKEN")).isEqualTo(1);

        byte[] arabic = MetaPayloads.inbound("102290129340398", PHONE, "مريم 😀",
                MetaPayloads.textMessage("wamid.UTF", "16505551234", Instant.now(), "مرحبا ✨ ¿qué tal?", null));
        assertThat(postWebhook(arabic, WebhookSignature.sign(SECRET, arabic)).statusCode()).isEqualTo(200);
        assertThat(rawCount("wamid.UTF")).isEqualTo(1);

        byte[] unknown = MetaPayloads.statuses("1", "999999", MetaPayloads.status("wamid.UNKNOWN", "sent", Instant.now(), "1", null));
        assertThat(postWebhook(unknown, WebhookSignature.sign(SECRET, unknown)).statusCode()).isEqualTo(200);
        assertThat(db.sql("SELECT count(*) FROM raw_events WHERE route_key = '999999' AND workspace_id IS NULL")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void eventsNeedTheWorkspacesIngestToken() throws Exception {
        String line = event("e-auth", "ws-a");
        assertThat(postEvents(line, null).statusCode()).isEqualTo(401);
        assertThat(postEvents(line, "wapi_ingest_made-up").statusCode()).isEqualTo(401);
        assertThat(postEvents(line, readToken).statusCode()).isEqualTo(403);
        HttpResponse<String> other = postEvents(line, otherToken);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("workspace_mismatch");
    }

    @Test
    void ndjsonMixingGoodBadAndDuplicateLines() throws Exception {
        String body = String.join("\n",
                event("e-1", "ws-a"),
                "{not json",
                event("e-1", "ws-a"),
                event("e-2", "ws-b"),
                event("e-3", "ws-a").replace("\"conversation_id\":\"c1\",", ""),
                "",
                event("e-4", "ws-a").replace("2026-11-02T10:00:00+05:30", "2026-11-02 10:00"),
                event("e-5", "ws-a"));
        HttpResponse<String> response = postEvents(body, ingestToken);
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(answer.get("duplicates").asInt()).isEqualTo(1);
        JsonNode rejected = answer.get("rejected");
        assertThat(rejected).hasSize(4);
        assertThat(rejected.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(rejected.get(0).get("error").asString()).isEqualTo("bad_json");
        assertThat(rejected.get(1).get("line").asInt()).isEqualTo(4);
        assertThat(rejected.get(1).get("error").asString()).isEqualTo("workspace_mismatch");
        assertThat(rejected.get(2).get("error").asString()).isEqualTo("missing_field");
        assertThat(rejected.get(2).get("detail").asString()).contains("conversation_id");
        assertThat(rejected.get(3).get("line").asInt()).isEqualTo(7);
        assertThat(rejected.get(3).get("detail").asString()).contains("ISO-8601 with offset");
        for (JsonNode r : rejected) {
            assertThat(r.get("detail").asString()).isNotBlank();
        }

        HttpResponse<String> again = postEvents(event("e-5", "ws-a"), ingestToken);
        assertThat(again.body()).contains("\"accepted\":0", "\"duplicates\":1");
        assertThat(db.sql("SELECT count(*) FROM raw_events WHERE source = 'platform' AND route_key IN ('e-1', 'e-5')")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void ndjsonOverOneMebibyteIsSplitByLineAndEachLineIsCheckedAlone() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            lines.add(event("big-" + i, "ws-a").replace("\"c1\"", "\"conversation-" + "x".repeat(100) + i + "\""));
        }
        lines.set(99, lines.get(99).replace("\"a1\"", "\"a\\u00001\""));
        lines.set(199, lines.get(199).replace("\"big-200\"", "\"" + "e".repeat(257) + "\""));
        String body = String.join("\n", lines);
        assertThat(body.length()).isGreaterThan(2 << 20);

        HttpResponse<String> response = postEvents(body, ingestToken);
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(9_998);
        JsonNode rejected = answer.get("rejected");
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).get("line").asInt()).isEqualTo(100);
        assertThat(rejected.get(0).get("error").asString()).isEqualTo("bad_value");
        assertThat(rejected.get(0).get("detail").asString()).contains("actor_id", "control character");
        assertThat(rejected.get(1).get("line").asInt()).isEqualTo(200);
        assertThat(rejected.get(1).get("error").asString()).isEqualTo("too_long");
        assertThat(rejected.get(1).get("detail").asString()).contains("event_id", "256");
        assertThat(db.sql("SELECT count(*) FROM raw_events WHERE source = 'platform' AND route_key LIKE 'big-%'")
                .query(Long.class).single()).isEqualTo(9_998);
    }

    @Test
    void fiftyConcurrentPostsLandExactlyOnceEach() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] body = status("wamid.PAR" + i);
            answers.add(pool.submit(() -> postWebhook(body, WebhookSignature.sign(SECRET, body)).statusCode()));
            answers.add(pool.submit(() -> postWebhook(body, WebhookSignature.sign(SECRET, body)).statusCode()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(200);
        }
        pool.shutdown();
        assertThat(db.sql("SELECT count(*) FROM raw_events WHERE position(convert_to('wamid.PAR', 'UTF8') in body) > 0")
                .query(Long.class).single()).isEqualTo(50);
    }

    /**
     * Requests carrying the same keys in every order, queued at once and taken in group commits of many requests,
     * land each key once and none fails (a failed batch answers 503).
     */
    @Test
    void sameKeysInEveryOrderFromManyRequestsLandOnceWithoutFailure() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add("order-test-" + i);
        }
        List<CompletableFuture<boolean[]>> landings = new ArrayList<>();
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            List<String> shuffled = new ArrayList<>(keys);
            Collections.shuffle(shuffled, random);
            landings.add(lander.land(shuffled.stream().map(k -> RawRow.keyed(k, "platform", "ws-a", k,
                    k.getBytes(StandardCharsets.UTF_8))).toList()));
        }
        long stored = 0;
        for (CompletableFuture<boolean[]> landing : landings) {
            for (boolean fresh : landing.get()) {
                stored += fresh ? 1 : 0;
            }
        }
        assertThat(stored).isEqualTo(40);
        assertThat(db.sql("SELECT count(*) FROM raw_events WHERE route_key LIKE 'order-test-%'").query(Long.class).single())
                .isEqualTo(40);
    }

    static byte[] status(String wamid) {
        return MetaPayloads.statuses("102290129340398", PHONE, MetaPayloads.status(wamid, "delivered", Instant.now(), "1", null));
    }

    static String event(String id, String workspace) {
        return "{\"event_id\":\"" + id + "\",\"type\":\"conversation.reopened\",\"workspace_id\":\"" + workspace
                + "\",\"occurred_at\":\"2026-11-02T10:00:00+05:30\",\"conversation_id\":\"c1\",\"actor_id\":\"a1\"}";
    }

    long rawCount(String marker) {
        return db.sql("SELECT count(*) FROM raw_events WHERE position(convert_to(?, 'UTF8') in body) > 0")
                .param(marker).query(Long.class).single();
    }

    /** Where Meta's webhooks go: the main port here, the webhook port in {@link WebhookServerTests}. */
    int webhookPort() {
        return port;
    }

    HttpResponse<String> get(String path) throws Exception {
        int to = path.startsWith(WebhookController.PATH) ? webhookPort() : port;
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postWebhook(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhookPort() + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postEvents(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
