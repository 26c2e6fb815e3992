package com.wapi.analytics.bench;

import com.wapi.analytics.simulate.MetaPayloads;
import com.wapi.analytics.simulate.PlatformEvents;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic raw events for benchmarks, written as COPY rows of raw_events (source, workspace_id, body):
 * broadcasts whose messages get Meta statuses batched 1-5 per webhook, ~10% failures, ~3% duplicate statuses,
 * ~5% read before delivered, customer replies and other platform events. Seeded: the same seed gives the same rows.
 */
public final class RawEventGenerator {

    public static final String WABA = "900000000000001";
    private static final MetaPayloads.Error[] FAILURES = {
            new MetaPayloads.Error(131049, "This message was not delivered to maintain healthy ecosystem engagement.", "Per-user marketing limit"),
            new MetaPayloads.Error(131026, "Message undeliverable", "Unable to deliver message."),
            new MetaPayloads.Error(130472, "User's number is part of an experiment", "Experiment"),
            new MetaPayloads.Error(131047, "Re-engagement message", "More than 24 hours have passed."),
            new MetaPayloads.Error(131050, "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business", "Opted out")};

    private final Random random;
    private final int workspaces;
    private final Writer out;
    private final HexFormat hex = HexFormat.of();
    private final List<ObjectNode> pendingStatuses = new ArrayList<>();
    private long written;

    public RawEventGenerator(long seed, int workspaces, Writer out) {
        this.random = new Random(seed);
        this.workspaces = workspaces;
        this.out = out;
    }

    public static String workspace(int n) {
        return "bench-ws-" + n;
    }

    public static String phoneNumberId(int n) {
        return Long.toString(800000000000000L + n);
    }

    /** Writes about {@code events} rows; returns how many were written. */
    public long generate(long events, Instant start) throws IOException {
        long message = 0;
        while (written < events) {
            int ws = random.nextInt(workspaces);
            String workspace = workspace(ws);
            PlatformEvents platform = new PlatformEvents(workspace);
            Instant at = start.plusSeconds(message / 20);
            String broadcast = "bc-" + ws + "-" + (message / 5000);
            if (message % 5000 == 0) {
                platform(workspace, platform.broadcastCreated("bc-ev-" + message, at, broadcast, "Campaign " + broadcast,
                        "promo_" + (message / 5000 % 7), 5000));
            }
            String wamid = "wamid.B" + message;
            String contact = Long.toString(919800000000L + random.nextInt(2_000_000));
            platform(workspace, platform.broadcastMessageSent("ev-" + message, at, wamid, contact, broadcast, "promo"));
            queueStatus(ws, MetaPayloads.status(wamid, "sent", at.plusSeconds(1), contact, null));
            double fate = random.nextDouble();
            if (fate < 0.10) {
                queueStatus(ws, MetaPayloads.status(wamid, "failed", at.plusSeconds(3), contact,
                        FAILURES[random.nextInt(FAILURES.length)]));
            } else {
                boolean read = fate < 0.60;
                boolean readFirst = read && random.nextDouble() < 0.05;
                ObjectNode delivered = MetaPayloads.status(wamid, "delivered", at.plusSeconds(5), contact, null);
                ObjectNode readStatus = MetaPayloads.status(wamid, "read", at.plusSeconds(60), contact, null);
                if (readFirst) {
                    queueStatus(ws, readStatus);
                }
                queueStatus(ws, delivered);
                if (random.nextDouble() < 0.03) {
                    queueStatus(ws, delivered);
                }
                if (read && !readFirst) {
                    queueStatus(ws, readStatus);
                }
                if (read && random.nextDouble() < 0.2) {
                    meta(MetaPayloads.inbound(WABA, phoneNumberId(ws), "Customer",
                            MetaPayloads.textMessage("wamid.IN" + message, contact, at.plusSeconds(120), "Interested!", wamid)));
                }
            }
            message++;
        }
        flushStatuses();
        return written;
    }

    private void queueStatus(int ws, ObjectNode status) throws IOException {
        pendingStatuses.add(status);
        if (pendingStatuses.size() >= 1 + random.nextInt(5)) {
            meta(MetaPayloads.statuses(WABA, phoneNumberId(ws), pendingStatuses.toArray(ObjectNode[]::new)));
            pendingStatuses.clear();
        }
    }

    private void flushStatuses() throws IOException {
        if (!pendingStatuses.isEmpty()) {
            meta(MetaPayloads.statuses(WABA, phoneNumberId(0), pendingStatuses.toArray(ObjectNode[]::new)));
            pendingStatuses.clear();
        }
    }

    private void platform(String workspace, ObjectNode event) throws IOException {
        row("platform", workspace, PlatformEvents.bytes(event));
    }

    private void meta(byte[] body) throws IOException {
        row("meta", "\\N", body);
    }

    private void row(String source, String workspace, byte[] body) throws IOException {
        out.write(source);
        out.write('\t');
        out.write(workspace);
        out.write("\t\\\\x");
        out.write(hex.formatHex(body));
        out.write('\n');
        written++;
    }
}
