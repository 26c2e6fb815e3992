package com.wapi.analytics.bench;

import com.wapi.analytics.simulate.MetaPayloads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the abuse scenarios share: the running receiver, two tenants, and the ledger of every request it answered
 * 2xx, checked against raw_events at the end ("answered 2xx but lost").
 */
final class AbuseTarget {

    record Tenant(String organization, String workspace, String phone, String ingestToken, String readToken) {
    }

    record Answer(String path, int status, long micros, String retryAfter, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    static final String WEBHOOK = "/webhooks/whatsapp";

    final URI base;
    final String runKey;
    final Tenant good;
    final Tenant poison;
    private final String secret;
    private final long servePid;
    private final JdbcClient postgres;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> acceptedBodies = ConcurrentHashMap.newKeySet();
    private final Set<String> acceptedEvents = ConcurrentHashMap.newKeySet();
    private final Set<String> acceptedGoodWamids = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();

    AbuseTarget(URI base, String secret, long servePid, JdbcClient postgres, String runKey, Tenant good, Tenant poison) {
        this.base = base;
        this.secret = secret;
        this.servePid = servePid;
        this.postgres = postgres;
        this.runKey = runKey;
        this.good = good;
        this.poison = poison;
    }

    /** A signed webhook of one status, new each call, for the good tenant's number (or {@code phone}). */
    Answer goodWebhook(String phone) {
        long n = sequence.incrementAndGet();
        String wamid = "wamid.G" + runKey + "." + n;
        byte[] body = MetaPayloads.statuses("102290129340398", phone, MetaPayloads.status(wamid,
                "delivered", Instant.parse("2026-11-24T10:00:00Z").plusSeconds(n), "9198" + n, null));
        Answer answer = webhook(body, sign(body));
        if (answer.ok() && phone.equals(good.phone())) {
            acceptedGoodWamids.add(wamid);
        }
        return answer;
    }

    Answer webhook(byte[] body, String signature) {
        Answer answer = send(WEBHOOK, HttpRequest.newBuilder(base.resolve(WEBHOOK)).header("X-Hub-Signature-256", signature)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        if (answer.ok()) {
            acceptedBodies.add(ReceiverLoad.sha256(body));
        }
        return answer;
    }

    /** One valid event of the good tenant, new each call. */
    Answer goodEvent() {
        String id = "ev-" + runKey + "-" + sequence.incrementAndGet();
        Answer answer = events(good, event(id, good.workspace()));
        if (answer.ok()) {
            acceptedEvents.add(id);
        }
        return answer;
    }

    static String event(String id, String workspace) {
        return "{\"event_id\":\"" + id + "\",\"type\":\"conversation.reopened\",\"workspace_id\":\"" + workspace
                + "\",\"occurred_at\":\"2026-11-24T10:00:00Z\",\"conversation_id\":\"c-" + id + "\",\"actor_id\":\"a1\"}";
    }

    Answer events(Tenant tenant, String ndjson) {
        return send("/events", HttpRequest.newBuilder(base.resolve("/events"))
                .header("Authorization", "Bearer " + tenant.ingestToken()).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)));
    }

    Answer report() {
        String path = "/api/v1/workspaces/" + good.workspace() + "/reports/delivery";
        return send(path, HttpRequest.newBuilder(base.resolve(path + "?from=2026-11-24&to=2026-11-24"))
                .header("Authorization", "Bearer " + good.readToken()));
    }

    Answer health() {
        return send("/actuator/health", HttpRequest.newBuilder(base.resolve("/actuator/health")));
    }

    /** One round of what users rely on while something hostile goes on: a webhook, events, the API and health. */
    List<Answer> probe() {
        return List.of(goodWebhook(good.phone()), goodEvent(), report(), health());
    }

    private Answer send(String path, HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(path, r.statusCode(), (System.nanoTime() - start) / 1000,
                    r.headers().firstValue("Retry-After").orElse(null), r.body());
        } catch (IOException e) {
            return new Answer(path, -1, (System.nanoTime() - start) / 1000, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(path, -1, (System.nanoTime() - start) / 1000, null, "interrupted");
        }
    }

    /** A raw connection that sends a POST's headers declaring {@code declared} bytes, then {@code first}. */
    Socket openBody(String path, long declared, byte[] first) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                + "X-Hub-Signature-256: sha256=00\r\nContent-Length: " + declared + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(first);
        out.flush();
        return socket;
    }

    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Heap in use in the serve process after a full collection (jcmd), in bytes. */
    long heapAfterGc() throws IOException, InterruptedException {
        run("jcmd", Long.toString(servePid), "GC.run");
        String info = run("jcmd", Long.toString(servePid), "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in jcmd's answer: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** Requests answered 2xx whose body or event is not in raw_events. */
    long lost() {
        Set<String> stored = ConcurrentHashMap.newKeySet();
        stored.addAll(postgres.sql("SELECT encode(sha256(body), 'hex') FROM raw_events WHERE source = 'meta'")
                .query(String.class).list());
        stored.addAll(postgres.sql("SELECT route_key FROM raw_events WHERE source = 'platform' AND workspace_id = ?")
                .param(good.workspace()).query(String.class).list());
        return acceptedBodies.stream().filter(h -> !stored.contains(h)).count()
                + acceptedEvents.stream().filter(e -> !stored.contains(e)).count();
    }

    long accepted() {
        return acceptedBodies.size() + acceptedEvents.size();
    }

    /** The good tenant's facts the etl must have loaded: one message_status row per wamid, one action per event. */
    Set<String> acceptedGoodWamids() {
        return acceptedGoodWamids;
    }

    Set<String> acceptedEventIds() {
        return acceptedEvents;
    }
}
