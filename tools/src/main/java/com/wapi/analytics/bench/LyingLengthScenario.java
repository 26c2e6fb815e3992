package com.wapi.analytics.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bodies that declare far more than they send: a length over the limit must be refused at once (413), a length
 * under it must reserve nothing before the bytes come and be cut at the deadline (408).
 */
final class LyingLengthScenario implements AbuseScenario {

    private final int sockets;

    LyingLengthScenario(int sockets) {
        this.sockets = sockets;
    }

    @Override
    public String name() {
        return "content-length-lies";
    }

    @Override
    public Outcome run(AbuseTarget target) throws Exception {
        Outcome outcome = new Outcome();
        long heapBefore = target.heapAfterGc();
        List<Socket> huge = new ArrayList<>();
        List<Socket> underLimit = new ArrayList<>();
        byte[] few = "{\"object\":".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < sockets; i++) {
            huge.add(target.openBody(AbuseTarget.WEBHOOK, 2_000_000_000L, few));
            underLimit.add(target.openBody(AbuseTarget.WEBHOOK, 3_000_000L, few));
        }
        Thread.sleep(2000);
        long heapDuring = target.heapAfterGc();
        int refused = count(huge, "413", 5_000);
        int timedOut = count(underLimit, "408", 60_000);
        outcome.requests += 2L * sockets;
        outcome.heapGrowthBytes = heapDuring - heapBefore;
        outcome.tried(String.format("%d bodies declaring 2 GB: %d answered 413; %d declaring 3 MB and sending 10 bytes:"
                + " %d answered 408 at the deadline; heap after GC %+d MiB while they were open", sockets, refused,
                sockets, timedOut, outcome.heapGrowthBytes >> 20));
        outcome.problemIf(refused < sockets, (sockets - refused) + " over-limit declarations were not refused with 413");
        outcome.problemIf(timedOut < sockets, (sockets - timedOut) + " short bodies were not cut with 408");
        outcome.problemIf(outcome.heapGrowthBytes >= 64L << 20, "heap grew by 64 MiB or more for declared lengths");
        return outcome;
    }

    /** How many of the sockets answered with the status, each within the time given. */
    static int count(List<Socket> sockets, String status, int millis) throws IOException {
        int n = 0;
        for (Socket socket : sockets) {
            try (socket) {
                socket.setSoTimeout(millis);
                byte[] head = socket.getInputStream().readNBytes(12);
                n += new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 " + status) ? 1 : 0;
            } catch (IOException e) {
                // no answer in time: not counted
            }
        }
        return n;
    }
}
