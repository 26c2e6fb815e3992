package com.wapi.analytics.simulate;

import com.wapi.analytics.ingest.WebhookSignature;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends a {@link TrafficPlan} through the real receiver in its order: Meta statuses and messages as signed webhooks
 * (batched 1 to 5 per body, as Meta does), platform events as authenticated NDJSON (up to 100 lines per request).
 * A few concurrent connections add the disorder of real delivery. Any answer but 2xx stops the run.
 */
public final class TrafficSender {

    private static final int CONNECTIONS = 4;

    private final URI base;
    private final String appSecret;
    private final Map<String, String> ingestTokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random;

    public TrafficSender(URI base, String appSecret, Map<String, String> ingestTokens, long seed) {
        this.base = base;
        this.appSecret = appSecret;
        this.ingestTokens = ingestTokens;
        this.random = new Random(seed);
    }

    public record Sent(long requests, long webhooks, long platformEvents) {
    }

    public Sent send(List<TrafficPlan.Send> sends) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        long webhooks = 0;
        long events = 0;
        int i = 0;
        while (i < sends.size()) {
            TrafficPlan.Send first = sends.get(i);
            int end = i + 1;
            if (first.kind() == TrafficPlan.Send.Kind.PLATFORM) {
                while (end < sends.size() && end - i < 100 && sends.get(end).kind() == TrafficPlan.Send.Kind.PLATFORM
                        && sends.get(end).workspaceId().equals(first.workspaceId())) {
                    end++;
                }
                requests.add(events(first.workspaceId(), sends.subList(i, end)));
                events += end - i;
            } else if (first.kind() == TrafficPlan.Send.Kind.META_BODY) {
                requests.add(webhook(first.body()));
                webhooks++;
            } else {
                int batch = 1 + random.nextInt(5);
                while (end < sends.size() && end - i < batch && sends.get(end).kind() == first.kind()
                        && first.phoneNumberId().equals(sends.get(end).phoneNumberId())) {
                    end++;
                }
                ObjectNode[] items = sends.subList(i, end).stream().map(TrafficPlan.Send::item).toArray(ObjectNode[]::new);
                requests.add(webhook(first.kind() == TrafficPlan.Send.Kind.META_STATUS
                        ? MetaPayloads.statuses(first.wabaId(), first.phoneNumberId(), items)
                        : MetaPayloads.inbound(first.wabaId(), first.phoneNumberId(), "Customer", items)));
                webhooks++;
            }
            i = end;
        }
        post(requests);
        return new Sent(requests.size(), webhooks, events);
    }

    private void post(List<HttpRequest> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        AtomicLong next = new AtomicLong();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            workers.add(pool.submit(() -> {
                for (long n = next.getAndIncrement(); n < requests.size(); n = next.getAndIncrement()) {
                    HttpRequest request = requests.get((int) n);
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() / 100 != 2) {
                        throw new IllegalStateException(request.uri().getPath() + " answered " + answer.statusCode() + ": "
                                + answer.body());
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpRequest webhook(byte[] body) {
        return HttpRequest.newBuilder(base.resolve("/webhooks/whatsapp")).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", WebhookSignature.sign(appSecret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpRequest events(String workspaceId, List<TrafficPlan.Send> lines) {
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        for (TrafficPlan.Send line : lines) {
            ndjson.writeBytes(PlatformEvents.bytes(line.item()));
            ndjson.write('\n');
        }
        return HttpRequest.newBuilder(base.resolve("/events")).header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + ingestTokens.get(workspaceId))
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson.toByteArray())).build();
    }

}
