package com.wapi.analytics.simulate;

import com.wapi.analytics.readers.errors.MetaErrorCatalogue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded, realistic traffic for the simulated world and chosen local days, with its ground truth: broadcasts with
 * Meta's failure mix and Smart Retry of retryable failures, flows with steps, customer replies that open agent
 * conversations (assignment, takeover, replies, resolution), tracked-link clicks, conversions, a template dropping
 * to RED. Disorder as Meta produces it: statuses batched, out of order, some before their message.sent, some twice.
 */
public final class TrafficPlan {

    /** One thing to send: a Meta status or message item (batched per phone number when sent), a whole Meta body, or a platform event. */
    public record Send(Kind kind, String workspaceId, String phoneNumberId, String wabaId, ObjectNode item, byte[] body,
            Instant sendAt) {
        public enum Kind { META_STATUS, META_MESSAGE, META_BODY, PLATFORM }
    }

    private static final int[] FAILURE_CODES = {131049, 131026, 130472, 131047, 131048, 131050, 132001};
    private static final int[] FAILURE_WEIGHTS = {40, 20, 10, 10, 8, 7, 5};
    private static final int[] REFUSAL_CODES = {131009, 130429};
    private static final String[] TEMPLATES = {"summer_sale", "order_update", "back_in_stock"};
    private static final String[] SOURCES = {"instagram", "facebook", "qr", "website"};
    private static final String[] DEVICES = {"mobile", "mobile", "mobile", "desktop"};
    private static final String[] COUNTRIES = {"IN", "US", "DE", "BR", "AE"};

    private final Random random;
    private final int scale;
    private final List<Send> sends = new ArrayList<>();
    private final GroundTruth truth = new GroundTruth();
    private long sequence;

    /** @param scale 1 for tests (tens of recipients per broadcast), 10 for the demo (hundreds) */
    public TrafficPlan(long seed, int scale) {
        this.random = new Random(seed);
        this.scale = scale;
    }

    public List<Send> sends() {
        List<Send> ordered = new ArrayList<>(sends);
        ordered.sort(Comparator.comparing(Send::sendAt));
        return ordered;
    }

    public GroundTruth truth() {
        return truth;
    }

    public TrafficPlan generate(List<LocalDate> days) {
        for (SimulatedWorld.Org org : SimulatedWorld.ORGS) {
            ZoneId zone = ZoneId.of(org.timeZone());
            for (SimulatedWorld.Workspace ws : org.workspaces()) {
                for (LocalDate day : days) {
                    workspaceDay(ws, zone, day);
                }
                if (ws.id().equals("acme-sales")) {
                    Instant at = days.get(days.size() - 1).atTime(8, 0).atZone(zone).toInstant();
                    sends.add(new Send(Send.Kind.META_BODY, ws.id(), ws.phoneNumberId(), ws.wabaId(), null,
                            MetaPayloads.templateQuality(ws.wabaId(), at, 1689556908129832L, "summer_sale", "YELLOW", "RED"), at));
                }
            }
        }
        return this;
    }

    private void workspaceDay(SimulatedWorld.Workspace ws, ZoneId zone, LocalDate day) {
        PlatformEvents events = new PlatformEvents(ws.id());
        broadcast(ws, events, zone, day, 1, LocalTime.of(10, 0), 30 * scale);
        broadcast(ws, events, zone, day, 2, LocalTime.of(15, 0), 15 * scale);
        flows(ws, events, zone, day, 5 * scale);
        links(ws, events, zone, day, 8 * scale);
    }

    private void broadcast(SimulatedWorld.Workspace ws, PlatformEvents events, ZoneId zone, LocalDate day, int n,
            LocalTime launch, int audience) {
        String id = "bc-" + ws.id() + "-" + day + "-" + n;
        String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
        Instant t0 = day.atTime(launch).atZone(zone).toInstant();
        platform(ws, events.broadcastCreated(eventId(), t0, id, "Campaign " + day + " #" + n, template, audience), t0);
        GroundTruth.Funnel funnel = new GroundTruth.Funnel();
        funnel.localDay = day.toString();
        truth.workspace(ws.id()).broadcasts.put(id, funnel);
        for (int i = 0; i < audience; i++) {
            String contact = contact(ws);
            Instant at = t0.plusSeconds(2L * i);
            funnel.targeted++;
            if (random.nextInt(100) < 2) {
                int code = REFUSAL_CODES[random.nextInt(REFUSAL_CODES.length)];
                ObjectNode failed = events.broadcastSendFailed(eventId(), at, contact, id, code,
                        MetaErrorCatalogue.describe(code, "").title());
                platform(ws, failed, at);
                funnel.failed++;
                truth.failure(ws.id(), day.toString(), code);
                continue;
            }
            String wamid = wamid(ws);
            platform(ws, events.broadcastMessageSent(eventId(), at, wamid, contact, id, template), at);
            funnel.sent++;
            String fate = outboundFate(ws, wamid, contact, at, day, id, template, events);
            if (fate.equals("delivered") || fate.equals("read")) {
                funnel.delivered++;
                if (fate.equals("read")) {
                    funnel.read++;
                }
                if (random.nextInt(100) < 15) {
                    conversation(ws, events, contact, wamid, at.plusSeconds(600 + random.nextInt(7200)), "broadcast/" + id);
                }
            } else if (fate.equals("failed")) {
                funnel.failed++;
            }
        }
    }

    /** Sends the statuses of an accepted message; returns its final state (read, delivered, failed or sent). */
    private String outboundFate(SimulatedWorld.Workspace ws, String wamid, String contact, Instant at, LocalDate day,
            String broadcast, String template, PlatformEvents events) {
        status(ws, wamid, "sent", at.plusSeconds(2), contact, null);
        int roll = random.nextInt(100);
        if (roll < 10) {
            int code = weighted(FAILURE_CODES, FAILURE_WEIGHTS);
            Instant failedAt = at.plusSeconds(30 + random.nextInt(570));
            MetaPayloads.Error error = new MetaPayloads.Error(code, MetaErrorCatalogue.describe(code, "").title(), "");
            status(ws, wamid, "failed", failedAt, contact, error);
            truth.failure(ws.id(), day.toString(), code);
            if (broadcast != null && MetaErrorCatalogue.isSmartRetryCandidate(code)) {
                Instant due = failedAt.plusSeconds(7200);
                platform(ws, events.retryScheduled(eventId(), failedAt.plusSeconds(60), broadcast, contact, wamid, code, 1, due),
                        failedAt.plusSeconds(60));
                String retry = wamid(ws);
                platform(ws, events.retryMessageSent(eventId(), due, retry, contact, broadcast, wamid, template), due);
                outboundFate(ws, retry, contact, due, day, null, template, events);
            }
            return "failed";
        }
        if (roll < 12) {
            return "sent";
        }
        Instant delivered = at.plusSeconds(5 + random.nextInt(115));
        boolean read = random.nextInt(100) < 60;
        Instant readAt = delivered.plusSeconds(60 + random.nextInt(3540));
        status(ws, wamid, "delivered", delivered, contact, null);
        if (random.nextInt(100) < 5) {
            status(ws, wamid, "delivered", delivered, contact, null); // Meta delivers a status twice
        }
        if (read) {
            // now and then the read status overtakes the delivered one
            status(ws, wamid, "read", random.nextInt(100) < 5 ? delivered.minusSeconds(1) : readAt, contact, null);
        }
        return read ? "read" : "delivered";
    }

    private void flows(SimulatedWorld.Workspace ws, PlatformEvents events, ZoneId zone, LocalDate day, int runs) {
        String flow = "flow-" + ws.id() + "-welcome";
        for (int i = 0; i < runs; i++) {
            String contact = contact(ws);
            String run = "run-" + ws.id() + "-" + day + "-" + i;
            Instant at = day.atTime(11, 0).atZone(zone).toInstant().plusSeconds(300L * i);
            String wamid = wamid(ws);
            platform(ws, events.flowMessageSent(eventId(), at, wamid, contact, flow, run), at);
            String[] steps = {"greet", "choose_product", "confirm"};
            for (int s = 0; s < steps.length; s++) {
                ObjectNode step = events.flowStep(eventId(), at.plusSeconds(30L * (s + 1)), flow, run, "s" + s, steps[s], "completed");
                step.putObject("input").put("choice", s);
                step.putObject("output").put("next", s + 1);
                platform(ws, step, at.plusSeconds(30L * (s + 1)));
            }
            String outcome = new String[] {"converted", "completed", "abandoned"}[random.nextInt(3)];
            platform(ws, events.flowCompleted(eventId(), at.plusSeconds(120), flow, run, outcome), at.plusSeconds(120));
            String fate = outboundFate(ws, wamid, contact, at, day, null, null, events);
            if ((fate.equals("delivered") || fate.equals("read")) && random.nextInt(100) < 20) {
                conversation(ws, events, contact, wamid, at.plusSeconds(900), "flow/" + flow);
            }
        }
    }

    private void links(SimulatedWorld.Workspace ws, PlatformEvents events, ZoneId zone, LocalDate day, int clicks) {
        String link = "lnk-" + ws.id() + "-promo";
        for (int i = 0; i < clicks; i++) {
            Instant at = day.atTime(9, 0).atZone(zone).toInstant().plusSeconds(43200L * i / clicks);
            boolean chat = random.nextInt(100) < 50;
            String contact = chat ? contact(ws) : null;
            platform(ws, events.linkClick(eventId(), at, link, "click-" + sequence, SOURCES[random.nextInt(SOURCES.length)],
                    DEVICES[random.nextInt(DEVICES.length)], COUNTRIES[random.nextInt(COUNTRIES.length)], contact), at);
            if (chat && random.nextInt(100) < 60) {
                conversation(ws, events, contact, null, at.plusSeconds(60), "link/" + link);
            }
        }
    }

    /** A customer writes (replying to a business message, or not), an agent handles it; sometimes it converts. */
    private void conversation(SimulatedWorld.Workspace ws, PlatformEvents events, String contact, String replyTo,
            Instant at, String touch) {
        String conversation = "conv-" + ws.id() + "-" + (++sequence);
        inbound(ws, contact, at, "Hi, is this still available?", replyTo);
        platform(ws, events.conversationOpened(eventId(), at.plusSeconds(5), conversation, contact, ws.phoneNumberId()),
                at.plusSeconds(5));
        SimulatedWorld.Agent agent = ws.agents().get(random.nextInt(ws.agents().size()));
        platform(ws, events.conversationAssigned(eventId(), at.plusSeconds(10), conversation, agent.id(), agent.team(), "rule-1"),
                at.plusSeconds(10));
        truth.conversation(ws.id(), touch);
        if (random.nextInt(100) < 10) {
            SimulatedWorld.Agent other = ws.agents().get(random.nextInt(ws.agents().size()));
            platform(ws, events.conversationTakeover(eventId(), at.plusSeconds(60), conversation, other.id(), agent.id()),
                    at.plusSeconds(60));
            agent = other;
        }
        if (random.nextInt(100) < 85) {
            Instant reply = at.plusSeconds(responseSeconds());
            platform(ws, events.conversationReply(eventId(), reply, conversation, agent.id(), wamid(ws)), reply);
            if (random.nextInt(100) < 50) {
                Instant again = reply.plusSeconds(120 + random.nextInt(1800));
                inbound(ws, contact, again, "Great, how do I pay?", null);
                Instant second = again.plusSeconds(responseSeconds());
                platform(ws, events.conversationReply(eventId(), second, conversation, agent.id(), wamid(ws)), second);
                reply = second;
            }
            if (random.nextInt(100) < 70) {
                Instant resolved = reply.plusSeconds(300);
                platform(ws, events.conversationResolved(eventId(), resolved, conversation, agent.id(), agent.id()), resolved);
            }
        }
        if (random.nextInt(100) < 20) {
            BigDecimal amount = BigDecimal.valueOf(200 + random.nextInt(4800), 0).setScale(2, RoundingMode.UNNECESSARY);
            Instant paid = at.plusSeconds(3600 + random.nextInt(86400));
            platform(ws, events.conversion(eventId(), paid, "order-" + ws.id() + "-" + sequence, contact,
                    amount.toPlainString(), ws.currency()), paid);
            truth.conversion(ws.id(), touch, amount);
        }
    }

    /** Agents answer within seconds to hours: mostly minutes, with a long tail. */
    private long responseSeconds() {
        int roll = random.nextInt(100);
        if (roll < 30) {
            return 20 + random.nextInt(40);
        }
        if (roll < 75) {
            return 60 + random.nextInt(840);
        }
        if (roll < 95) {
            return 900 + random.nextInt(2700);
        }
        return 3600 + random.nextInt(14400);
    }

    private void status(SimulatedWorld.Workspace ws, String wamid, String status, Instant at, String contact,
            MetaPayloads.Error error) {
        // Meta sends a few seconds late; now and then a status overtakes its message.sent event
        Instant sendAt = random.nextInt(100) < 3 ? at.minusSeconds(30) : at.plusSeconds(random.nextInt(20));
        sends.add(new Send(Send.Kind.META_STATUS, ws.id(), ws.phoneNumberId(), ws.wabaId(),
                MetaPayloads.status(wamid, status, at, contact, error), null, sendAt));
    }

    private void inbound(SimulatedWorld.Workspace ws, String contact, Instant at, String text, String replyTo) {
        sends.add(new Send(Send.Kind.META_MESSAGE, ws.id(), ws.phoneNumberId(), ws.wabaId(),
                MetaPayloads.textMessage("wamid.IN." + ws.id() + "." + (++sequence), contact, at, text, replyTo), null, at));
    }

    private void platform(SimulatedWorld.Workspace ws, ObjectNode event, Instant at) {
        sends.add(new Send(Send.Kind.PLATFORM, ws.id(), null, null, event, null, at.plusMillis(random.nextInt(3000))));
    }

    private int weighted(int[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private String contact(SimulatedWorld.Workspace ws) {
        return ws.displayNumber().substring(0, 2) + String.format("%010d", Math.abs(ws.id().hashCode() % 1000) * 10_000_000L
                + (++sequence));
    }

    private String wamid(SimulatedWorld.Workspace ws) {
        return "wamid.SIM." + ws.id() + "." + (++sequence);
    }

    private String eventId() {
        return "sim-" + (++sequence);
    }
}
