package com.wapi.analytics.bench;

import com.wapi.analytics.simulate.MetaPayloads;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed Meta status webhooks (1-5 statuses per body, as Meta batches them) POSTed at a fixed concurrency for a
 * bounded time to a receiver on loopback. Every body is distinct and carries the run's phone_number_id, so the
 * rows it landed can be counted; the SHA-256 of every body answered 2xx is kept for the durability check.
 */
final class ReceiverLoad {

    record Result(long ok, long errors, long[] latenciesMicros, Set<String> acceptedHashes, double seconds) {
    }

    private final String url;
    private final String secret;
    private final String runKey;

    ReceiverLoad(String url, String secret, String runKey) {
        this.url = url;
        this.secret = secret;
        this.runKey = runKey;
    }

    static byte[] body(String runKey, long n, Random random) {
        int statuses = 1 + random.nextInt(5);
        ObjectNode[] items = new ObjectNode[statuses];
        String[] states = {"sent", "delivered", "read", "failed"};
        for (int i = 0; i < statuses; i++) {
            String state = states[random.nextInt(states.length)];
            items[i] = MetaPayloads.status("wamid.L" + runKey + "." + n + "." + i, state,
                    Instant.ofEpochSecond(1764000000L + n), Long.toString(919800000000L + random.nextInt(1_000_000)),
                    state.equals("failed") ? new MetaPayloads.Error(131049, "This message was not delivered to maintain healthy ecosystem engagement.", "cap") : null);
        }
        return MetaPayloads.statuses("900000000000001", runKey, items);
    }

    Result run(int concurrency, Duration duration, Consumer<String> progress) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        List<long[]> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            long[][] mine = {new long[1 << 16]};
            int[] count = {0};
            StatusBodies bodies = new StatusBodies(runKey, new Random(t));
            Thread thread = new Thread(() -> {
                PlainHttpClient http = new PlainHttpClient(URI.create(url));
                Mac mac = mac(secret);
                while (System.nanoTime() < deadline) {
                    byte[] body = bodies.body(sequence.incrementAndGet());
                    String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
                    long sent = System.nanoTime();
                    try {
                        if (http.post("X-Hub-Signature-256", signature, body) / 100 == 2) {
                            ok.incrementAndGet();
                            accepted.add(sha256(body));
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                    }
                    mine[0][count[0]++] = (System.nanoTime() - sent) / 1000;
                }
                http.close();
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
            }, "load-" + t);
            threads.add(thread);
            thread.start();
        }
        long lastOk = 0;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(5000);
            long now = ok.get();
            progress.accept(String.format("%5.0f s: %,d accepted (%,d/s), %,d errors",
                    (System.nanoTime() - start) / 1e9, now, (now - lastOk) / 5, errors.get()));
            lastOk = now;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(ok.get(), errors.get(), all, accepted, seconds);
    }

    static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
