package com.wapi.analytics.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sockets that send a webhook's headers, then one body byte every 50 s, reconnecting whenever the receiver cuts
 * them; meanwhile probes time what users rely on, and the serve process's heap is read while they hang on.
 */
final class SlowLorisScenario implements AbuseScenario {

    private final int sockets;
    private final Duration every;
    private final Duration length;

    SlowLorisScenario(int sockets, Duration every, Duration length) {
        this.sockets = sockets;
        this.every = every;
        this.length = length;
    }

    @Override
    public String name() {
        return "slow-loris";
    }

    @Override
    public Outcome run(AbuseTarget target) throws Exception {
        Outcome outcome = new Outcome();
        long heapBefore = target.heapAfterGc();
        long end = System.nanoTime() + length.toNanos();
        AtomicLong opened = new AtomicLong();
        AtomicLong cut = new AtomicLong();
        AtomicLong cutAfterMillis = new AtomicLong();
        Set<Socket> open = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < sockets; i++) {
            Thread t = new Thread(null, () -> trickle(target, end, open, opened, cut, cutAfterMillis), "loris-" + i, 128 * 1024);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        long heapDuring;
        try (Probes probes = new Probes(target, Duration.ofSeconds(1))) {
            Thread.sleep(Math.min(length.toMillis() / 2, 15_000));
            heapDuring = target.heapAfterGc();
            Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
            open.forEach(SlowLorisScenario::closeQuietly);
            for (Thread t : threads) {
                t.join(5000);
            }
            probes.check(outcome);
        }
        long growth = heapDuring - heapBefore;
        outcome.heapGrowthBytes = growth;
        outcome.requests += opened.get();
        outcome.tried(String.format("%d sockets, one byte every %d s, for %d s: %d connections opened, %d cut by the"
                + " receiver (on average %.1f s after opening)", sockets, every.toSeconds(), length.toSeconds(),
                opened.get(), cut.get(), cut.get() == 0 ? 0 : cutAfterMillis.get() / 1000.0 / cut.get()));
        outcome.tried(String.format("  heap after GC: %d MiB before, %d MiB while they hang on (%+d MiB)",
                heapBefore >> 20, heapDuring >> 20, growth >> 20));
        outcome.problemIf(growth >= 64L << 20, "heap grew by 64 MiB or more while the slow clients hung on");
        return outcome;
    }

    private void trickle(AbuseTarget target, long end, Set<Socket> open, AtomicLong opened, AtomicLong cut,
            AtomicLong cutAfterMillis) {
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            try (Socket socket = target.openBody(AbuseTarget.WEBHOOK, 1000, new byte[] {'{'})) {
                open.add(socket);
                opened.incrementAndGet();
                InputStream in = socket.getInputStream();
                while (System.nanoTime() < end) {
                    socket.setSoTimeout((int) Math.max(1, Math.min(every.toMillis(), (end - System.nanoTime()) / 1_000_000)));
                    try {
                        in.read(); // the receiver answered (408) or closed: either way it let go
                        cut.incrementAndGet();
                        cutAfterMillis.addAndGet((System.nanoTime() - started) / 1_000_000);
                        break;
                    } catch (SocketTimeoutException e) {
                        socket.getOutputStream().write(' ');
                        socket.getOutputStream().flush();
                    }
                }
                open.remove(socket);
            } catch (IOException e) {
                // closed at the end of the scenario, or by the receiver mid-write: open the next one
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // ending the scenario
        }
    }
}
