package com.wapi.analytics.readers;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.readers.meta.MetaWebhookParser;
import com.wapi.analytics.readers.meta.Router;
import com.wapi.analytics.readers.platform.PlatformEventParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of both parsers with mutated real payloads: every input must yield facts or a typed rejection,
 * never an exception, and parsing must not retain memory.
 */
class ParserFuzzTests {

    static final int INPUTS = 120_000;

    static final String[] SEEDS = {
            """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.HBgLMTY1","status":"failed","timestamp":"1751142888","recipient_id":"16505551234","errors":[{"code":131049,"title":"This message was not delivered","message":"x","error_data":{"details":"y"}}]},{"id":"wamid.B","status":"read","timestamp":"1750030073","recipient_id":"1","pricing":{"billable":true,"pricing_model":"PMP","type":"regular","category":"marketing"}}]},"field":"messages"}]}]}""",
            """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena"},"wa_id":"16505551234"}],"messages":[{"context":{"from":"1555","id":"wamid.C"},"from":"16505551234","id":"wamid.I","timestamp":"1749416383","type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"b","title":"Yes"}},"referral":{"source_id":"1","ctwa_clid":"abc"}}]},"field":"messages"}]}]}""",
            """
            {"entry":[{"id":"102290129340398","time":1751247548,"changes":[{"value":{"event":"PAUSED","message_template_id":1689556908129832,"message_template_name":"summer_sale","reason":"NONE","other_info":{"title":"FIRST_PAUSE"}},"field":"message_template_status_update"}]}],"object":"whatsapp_business_account"}""",
            """
            {"event_id":"e1","type":"message.send_failed","workspace_id":"ws-1","occurred_at":"2026-11-02T10:00:00+05:30","contact_id":"1","source":{"kind":"broadcast","broadcast_id":"b"},"error":{"code":131009,"title":"t"}}""",
            """
            {"event_id":"e2","type":"conversion","workspace_id":"ws-1","occurred_at":"2026-11-02T10:00:00Z","conversion_id":"o","contact_id":"1","amount":12.5,"currency":"USD","ref":{"broadcast_id":"b"}}""",
            """
            {"event_id":"e3","type":"flow.step","workspace_id":"ws-1","occurred_at":"2026-11-02T10:00:00Z","flow_id":"f","flow_run_id":"r","step_id":"s","step_name":"n","status":"ok","input":{"a":[1,2,{"b":null}]}}""",
    };

    static final String[] ODD = {"\\ud800", "\\u0000", "\u0000", "\uFFFF", "😀", "ﷺ", "\\", "\"", "1e400",
            "99999999999999999999999", "-0", "null", "true", "[]", "{}", "NaN", "\u202E", "\\uDFFF\\uD800"};

    final MetaWebhookParser meta = new MetaWebhookParser();
    final PlatformEventParser platform = new PlatformEventParser();
    final Router router = new Router() {
        @Override
        public Optional<String> workspaceOfPhoneNumber(String phoneNumberId) {
            return phoneNumberId.startsWith("1") ? Optional.of("ws-1") : Optional.empty();
        }

        @Override
        public List<String> workspacesOfAccount(String wabaId) {
            return wabaId.startsWith("1") ? List.of("ws-1") : List.of();
        }
    };

    @Test
    void mutatedPayloadsYieldFactsOrATypedRejectionAndKeepMemoryFlat() {
        Random random = new Random(20261124L);
        int parsed = 0;
        long start = System.nanoTime();
        long baseline = usedHeapAfterGc();
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = mutate(SEEDS[random.nextInt(SEEDS.length)], random, i);
            ParseResult a = meta.parse(input, router, Instant.EPOCH);
            ParseResult b = platform.parse(input);
            assertThat(a).isNotNull();
            assertThat(b).isNotNull();
            for (ParseResult r : List.of(a, b)) {
                if (r instanceof ParseResult.Rejected rejected) {
                    assertThat(rejected.reason()).isNotNull();
                    assertThat(rejected.detail()).isNotNull();
                    assertThat(rejected.detail().length()).as("detail length").isLessThan(1000);
                } else {
                    parsed++;
                }
            }
            if (i % 40_000 == 39_999) {
                assertThat(usedHeapAfterGc() - baseline).as("heap growth after %d inputs", i + 1).isLessThan(64L << 20);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fuzz: %d inputs through both parsers in %.1f s (%.0f inputs/s), %d parsed%n", INPUTS, seconds,
                INPUTS / seconds, parsed);
        assertThat(parsed).as("some mutations stay valid").isPositive();
    }

    static byte[] mutate(String seed, Random random, int i) {
        String s = seed;
        switch (i % 12) {
            case 0 -> s = s.substring(0, random.nextInt(s.length()));
            case 1 -> {
                char[] c = s.toCharArray();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    c[random.nextInt(c.length)] = (char) (32 + random.nextInt(95));
                }
                s = new String(c);
            }
            case 2 -> {
                int at = random.nextInt(s.length());
                s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(20)));
            }
            case 3 -> {
                int at = random.nextInt(s.length());
                s = s.substring(0, at) + ODD[random.nextInt(ODD.length)] + s.substring(at);
            }
            case 4 -> s = replaceValue(s, random, ODD[random.nextInt(ODD.length)]);
            case 5 -> s = replaceValue(s, random, "\"" + ODD[random.nextInt(ODD.length)] + "\"");
            case 6 -> s = replaceValue(s, random, random.nextBoolean() ? "{\"x\":[1,{}]}" : "[[[\"deep\"]]]");
            case 7 -> s = i % 997 == 7 ? replaceValue(s, random, "\"" + "x".repeat(3 << 20) + "\"")
                    : replaceValue(s, random, "\"" + "y".repeat(random.nextInt(5000)) + "\"");
            case 8 -> s = i % 499 == 8 ? "[".repeat(100_000) + "]".repeat(100_000)
                    : "{\"a\":".repeat(70) + "1" + "}".repeat(70);
            case 9 -> s = s.replaceFirst("\\{", "{\"event_id\":1,\"object\":2,");
            case 10 -> {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                b[random.nextInt(b.length)] = (byte) (0x80 + random.nextInt(0x7f));
                return b;
            }
            default -> { }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces one JSON value (after a colon) with the given text. */
    static String replaceValue(String s, Random random, String replacement) {
        int colon = s.indexOf(':', random.nextInt(s.length()));
        if (colon < 0) {
            return s;
        }
        int end = colon + 1;
        while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return s.substring(0, colon + 1) + replacement + s.substring(end);
    }

    static long usedHeapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
