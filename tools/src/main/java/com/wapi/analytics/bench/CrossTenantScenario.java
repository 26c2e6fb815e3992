package com.wapi.analytics.bench;

import com.wapi.analytics.clickhouse.ClickHouse;
import com.wapi.analytics.etl.EtlRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One tenant sends poison (webhook items that cannot become facts, bad NDJSON lines, raw events near the size limit)
 * next to another tenant's good traffic; after one etl run every good fact accepted so far must be in ClickHouse.
 */
final class CrossTenantScenario implements AbuseScenario {

    private final EtlRunner etl;
    private final ClickHouse clickHouse;
    private final int rounds;

    CrossTenantScenario(EtlRunner etl, ClickHouse clickHouse, int rounds) {
        this.etl = etl;
        this.clickHouse = clickHouse;
        this.rounds = rounds;
    }

    @Override
    public String name() {
        return "cross-tenant-poison";
    }

    @Override
    public Outcome run(AbuseTarget target) throws Exception {
        Outcome outcome = new Outcome();
        Thread good = new Thread(() -> {
            for (int i = 0; i < rounds; i++) {
                target.goodWebhook(target.good.phone());
                target.goodEvent();
            }
        }, "good-tenant");
        good.start();
        List<Integer> poisonAnswers = new ArrayList<>();
        for (int i = 0; i < rounds / 10; i++) {
            byte[] items = poisonItems(target, i);
            poisonAnswers.add(target.webhook(items, target.sign(items)).status());
            poisonAnswers.add(target.events(target.poison, poisonLines(target, i)).status());
        }
        byte[] big = bigWebhook(target);
        poisonAnswers.add(target.webhook(big, target.sign(big)).status());
        good.join();
        outcome.requests += 2L * rounds + poisonAnswers.size();
        outcome.tried(String.format("good tenant: %d webhooks and %d events; poison tenant: %d requests (answers %s)",
                rounds, rounds, poisonAnswers.size(), poisonAnswers.stream().distinct().sorted().toList()));

        long t0 = System.nanoTime();
        boolean ran = etl.run(null, false, Duration.ofMinutes(2)).isPresent();
        long wamids = target.acceptedGoodWamids().size();
        long events = target.acceptedEventIds().size();
        long statusFacts = clickHouse.sql().sql("SELECT uniqExact(wamid) FROM message_status WHERE workspace_id = ?"
                + " AND startsWith(wamid, ?)").params(target.good.workspace(), "wamid.G" + target.runKey + ".")
                .query(Long.class).single();
        long actionFacts = clickHouse.sql().sql("SELECT uniqExact(event_id) FROM agent_actions WHERE workspace_id = ?"
                + " AND startsWith(event_id, ?)").params(target.good.workspace(), "ev-" + target.runKey + "-")
                .query(Long.class).single();
        outcome.delayedFacts = Math.max(0, wamids - statusFacts) + Math.max(0, events - actionFacts);
        outcome.tried(String.format("one etl run (%.1f s%s): good tenant's statuses %d of %d, agent actions %d of %d",
                (System.nanoTime() - t0) / 1e9, ran ? "" : ", lock not taken", statusFacts, wamids, actionFacts, events));
        return outcome;
    }

    /** A good status between items that cannot become facts. */
    private static byte[] poisonItems(AbuseTarget target, int i) {
        String good = "{\"id\":\"wamid.P" + target.runKey + "." + i + "\",\"status\":\"sent\",\"timestamp\":\"1764000000\","
                + "\"recipient_id\":\"1\"}";
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"" + target.poison.phone()
                + "\"},\"statuses\":[" + good + ",{\"status\":\"sent\"},{\"id\":\"x\",\"status\":\"read\",\"timestamp\":\"soon\"},"
                + "\"not-an-object\",{\"id\":{\"deep\":[1,2]},\"status\":7,\"timestamp\":null}]}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String poisonLines(AbuseTarget target, int i) {
        String id = "ev-" + target.runKey + "-poison-" + i;
        return String.join("\n", AbuseTarget.event(id, target.poison.workspace()), "{not json",
                "{\"event_id\":\"" + id + "b\",\"type\":\"conversation.reopened\"}",
                AbuseTarget.event(id + "c", target.poison.workspace()).replace("2026-11-24T10:00:00Z", "yesterday"),
                AbuseTarget.event(id + "d", target.poison.workspace()).replace("\"actor_id\":\"a1\"",
                        "\"actor_id\":\"" + "a".repeat(900_000) + "\""));
    }

    /** A text message of almost 4 MB, under the receiver's limit: lands raw; the etl must not choke on it. */
    private static byte[] bigWebhook(AbuseTarget target) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"" + target.poison.phone()
                + "\"},\"messages\":[{\"from\":\"1\",\"id\":\"wamid.BIG" + target.runKey + "\",\"timestamp\":\"1764000000\","
                + "\"type\":\"text\",\"text\":{\"body\":\"" + "b".repeat(3_900_000) + "\"}}]}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
