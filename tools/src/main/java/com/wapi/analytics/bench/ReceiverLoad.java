package com.wapi.analytics.bench;

import com.wapi.analytics.simulate.MetaPayloads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
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

    /**
     * @param accepted the numbers of every body answered 2xx, warm-up included (the durability check takes them all)
     * @param errors non-2xx answers and lost connections, warm-up included
     * @param measuredOk the 2xx answers after the warm-up; @param latenciesMicros every answer's after it, sorted
     * @param seconds the time measured, after the warm-up
     */
    record Result(long[] accepted, long errors, long measuredOk, long[] latenciesMicros, double seconds) {

        double rate() {
            return measuredOk / seconds;
        }
    }

    /** Progress lines at the start and the end of the measured part, for scripts that sample CPU between them. */
    static final String MEASURING = "measuring from now";
    static final String MEASURED = "measured load over";

    private final String url;
    private final String secret;

    private final StatusBodies bodies;

    ReceiverLoad(String url, String secret, String runKey) {
        this.url = url;
        this.secret = secret;
        this.bodies = new StatusBodies(runKey, new Random(0));
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

    /**
     * One thread drives every connection through a selector, so the generator spends its CPU on sending rather than
     * on waking a thread per answer; a body's SHA-256 is taken after the load, from its number. The rate and the
     * latencies are those of {@code duration} after {@code warmup}: a receiver runs for days, so its speed is the
     * one its JIT has reached, not that of its first seconds.
     */
    Result run(int concurrency, Duration warmup, Duration duration, Consumer<String> progress) throws IOException {
        Mac mac = mac(secret);
        URI uri = URI.create(url);
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        byte[] head = ("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nX-Hub-Signature-256: sha256=").getBytes(StandardCharsets.US_ASCII);
        long[] accepted = new long[1 << 16];
        long[] latencies = new long[1 << 16];
        int ok = 0;
        int answered = 0;
        long errors = 0;
        long sequence = 0;
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        int okBefore = -1;
        boolean over = false;
        long deadline = measureFrom + duration.toNanos();
        long nextProgress = start + 5_000_000_000L;
        long lastOk = 0;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < concurrency; i++) {
                new Exchange(address, selector).send(request(head, mac, ++sequence), sequence);
            }
            while (!selector.keys().isEmpty()) {
                selector.select(1000);
                long now = System.nanoTime();
                if (okBefore < 0 && now >= measureFrom) {
                    okBefore = ok;
                    progress.accept(MEASURING);
                }
                if (!over && now >= deadline) {
                    over = true;
                    progress.accept(MEASURED);
                }
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    Exchange exchange = (Exchange) key.attachment();
                    int status;
                    try {
                        status = exchange.advance();
                    } catch (IOException e) {
                        status = 0;
                        exchange.close();
                    }
                    if (status < 0) {
                        continue;
                    }
                    if (status > 0 && okBefore >= 0) {
                        if (answered == latencies.length) {
                            latencies = Arrays.copyOf(latencies, answered * 2);
                        }
                        latencies[answered++] = (now - exchange.sentAt) / 1000;
                    }
                    if (status / 100 == 2) {
                        if (ok == accepted.length) {
                            accepted = Arrays.copyOf(accepted, ok * 2);
                        }
                        accepted[ok++] = exchange.sequence;
                    } else {
                        errors++;
                    }
                    if (now < deadline) {
                        (status == 0 || exchange.closed() ? new Exchange(address, selector) : exchange)
                                .send(request(head, mac, ++sequence), sequence);
                    } else {
                        exchange.close();
                    }
                }
                if (now >= nextProgress) {
                    progress.accept(String.format("%5.0f s: %,d accepted (%,d/s), %,d errors%s", (now - start) / 1e9,
                            ok, (ok - lastOk) / 5, errors, now < measureFrom ? " (warming up, not measured)" : ""));
                    lastOk = ok;
                    nextProgress += 5_000_000_000L;
                }
            }
        }
        double seconds = (System.nanoTime() - measureFrom) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, answered);
        Arrays.sort(sorted);
        return new Result(Arrays.copyOf(accepted, ok), errors, okBefore < 0 ? 0 : ok - okBefore, sorted, seconds);
    }

    /** The SHA-256 of every body the run's receiver answered 2xx, for the durability check. */
    Set<String> acceptedHashes(Result result) {
        Set<String> hashes = new HashSet<>();
        for (long sequence : result.accepted()) {
            hashes.add(sha256(bodies.body(sequence)));
        }
        return hashes;
    }

    /** The signed request of body number {@code sequence}, head and body in one buffer (one write, one segment). */
    private ByteBuffer request(byte[] head, Mac mac, long sequence) {
        byte[] body = bodies.body(sequence);
        byte[] rest = (HexFormat.of().formatHex(mac.doFinal(body)) + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(head.length + rest.length + body.length).put(head).put(rest).put(body).flip();
    }

    /** One keep-alive connection: a request written, then its answer read (status line, headers, body). */
    private static final class Exchange {

        private final SocketChannel channel;
        private final SelectionKey key;
        private final ByteBuffer in = ByteBuffer.allocate(8192);
        private ByteBuffer out;
        private boolean close;
        long sequence;
        long sentAt;

        Exchange(InetSocketAddress address, Selector selector) throws IOException {
            channel = SocketChannel.open(address);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, 0, this);
        }

        void send(ByteBuffer request, long number) throws IOException {
            out = request;
            sequence = number;
            sentAt = System.nanoTime();
            in.clear();
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** The answer's status once it has arrived whole, -1 before. */
        int advance() throws IOException {
            if (out.hasRemaining()) {
                channel.write(out);
                if (!out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                return -1;
            }
            if (channel.read(in) < 0) {
                throw new IOException("connection closed");
            }
            String text = new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return -1;
            }
            String lower = text.substring(0, headEnd + 2).toLowerCase(Locale.ROOT); // each header ends with \r\n
            int length = lower.indexOf("content-length:");
            boolean whole = length >= 0
                    ? text.length() >= headEnd + 4 + Integer.parseInt(lower.substring(length + 15, lower.indexOf('\r', length)).trim())
                    : !lower.contains("chunked") || text.endsWith("\r\n0\r\n\r\n");
            if (!whole) {
                return -1;
            }
            close = lower.contains("connection: close");
            return Integer.parseInt(text.substring(9, 12));
        }

        boolean closed() {
            if (close) {
                close();
            }
            return close;
        }

        void close() {
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a connection that failed
            }
        }
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
