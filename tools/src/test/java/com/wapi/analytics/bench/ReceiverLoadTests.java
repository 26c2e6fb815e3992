package com.wapi.analytics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The load generator against a plain HTTP server: every body it counts as accepted is one the server answered 2xx,
 * signed, and its durability check names exactly those bodies; an answer that closes the connection and a 503 are
 * handled as a receiver gives them.
 */
class ReceiverLoadTests {

    @Test
    void countsWhatTheServerAcceptedAndHashesExactlyThoseBodies() throws Exception {
        Set<String> answered2xx = ConcurrentHashMap.newKeySet();
        List<String> unsigned = new ArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/webhooks/whatsapp", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!String.valueOf(exchange.getRequestHeaders().getFirst("X-Hub-Signature-256")).startsWith("sha256=")) {
                unsigned.add(new String(body));
            }
            int n = requests.incrementAndGet();
            int status = n % 7 == 0 ? 503 : 200;
            if (n % 5 == 0) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            if (status == 200) {
                answered2xx.add(ReceiverLoad.sha256(body));
            }
            byte[] answer = "{\"stored\":true}".getBytes();
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            ReceiverLoad load = new ReceiverLoad("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/whatsapp",
                    "secret", "7000000001");
            List<String> progress = new ArrayList<>();
            ReceiverLoad.Result result = load.run(4, Duration.ofMillis(500), Duration.ofMillis(1500), progress::add);

            assertThat(result.measuredOk()).isGreaterThan(50).isLessThan(result.accepted().length);
            assertThat(result.errors()).isPositive();
            assertThat(result.accepted().length + result.errors()).isEqualTo(requests.get());
            assertThat(result.latenciesMicros()).hasSizeGreaterThan((int) result.measuredOk())
                    .hasSizeLessThan(requests.get());
            assertThat(result.seconds()).isGreaterThanOrEqualTo(1.5);
            assertThat(load.acceptedHashes(result)).hasSize(result.accepted().length).isEqualTo(answered2xx);
            assertThat(unsigned).isEmpty();
            assertThat(progress).containsSubsequence(ReceiverLoad.MEASURING, ReceiverLoad.MEASURED);
        } finally {
            server.stop(0);
        }
    }
}
