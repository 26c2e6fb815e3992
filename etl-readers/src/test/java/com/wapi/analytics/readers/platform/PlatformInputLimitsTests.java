package com.wapi.analytics.readers.platform;

import static com.wapi.analytics.readers.platform.PlatformEventParserTests.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.readers.ParseResult;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.ConversionFact;
import com.wapi.analytics.readers.facts.RetryFact;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids, amounts and counters are checked against their limits, each with a reason naming the field. */
class PlatformInputLimitsTests {

    static final String RETRY = "\"broadcast_id\":\"b1\",\"contact_id\":\"15550001111\",\"original_wamid\":\"wamid.1\","
            + "\"reason_code\":131026,\"due_at\":\"2026-11-02T12:00:00Z\",\"attempt\":";

    final PlatformEventParser parser = new PlatformEventParser();

    ParseResult result(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    ParseResult.Rejected rejected(String json) {
        ParseResult result = result(json);
        assertThat(result).as(json).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }

    static String conversion(String amount) {
        return event("conversion", "\"conversion_id\":\"o1\",\"contact_id\":\"15550001111\",\"amount\":" + amount
                + ",\"currency\":\"USD\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\n", "\\u001b[31m", "\\u007f"})
    void controlCharactersInIdsAreBadValues(String control) {
        ParseResult.Rejected eventId = rejected(event("conversation.reopened", "\"conversation_id\":\"c1\",\"actor_id\":\"a\"")
                .replace("\"e1\"", "\"e" + control + "1\""));
        assertThat(eventId.reason()).isEqualTo(Rejection.BAD_VALUE);
        assertThat(eventId.detail()).contains("event_id", "control character");
        ParseResult.Rejected broadcast = rejected(event("retry.scheduled", RETRY + "1").replace("\"b1\"", "\"b" + control + "\""));
        assertThat(broadcast.reason()).isEqualTo(Rejection.BAD_VALUE);
        assertThat(broadcast.detail()).startsWith("broadcast_id");
        ParseResult.Rejected contact = rejected(conversion("5").replace("\"15550001111\"", "\"1555" + control + "\""));
        assertThat(contact.reason()).isEqualTo(Rejection.BAD_VALUE);
        assertThat(contact.detail()).startsWith("contact_id");
    }

    @Test
    void idsLongerThan256CharactersAreTooLong() {
        String longest = "c".repeat(256);
        assertThat(result(conversion("5").replace("\"15550001111\"", "\"" + longest + "\"")))
                .isInstanceOf(ParseResult.Parsed.class);
        ParseResult.Rejected contact = rejected(conversion("5").replace("\"15550001111\"", "\"" + longest + "c\""));
        assertThat(contact.reason()).isEqualTo(Rejection.TOO_LONG);
        assertThat(contact.reason().code()).isEqualTo("too_long");
        assertThat(contact.detail()).isEqualTo("contact_id: at most 256 characters, got 257");
        ParseResult.Rejected eventId = rejected(conversion("5").replace("\"e1\"", "\"" + "e".repeat(300) + "\""));
        assertThat(eventId.reason()).isEqualTo(Rejection.TOO_LONG);
        assertThat(eventId.detail()).startsWith("event_id");
    }

    @Test
    void amountsAsStringsAreCheckedBeforeTheyBecomeNumbers() {
        ConversionFact fact = (ConversionFact) ((ParseResult.Parsed) result(conversion("\"1499.50\""))).facts().get(0);
        assertThat(fact.amount()).isEqualByComparingTo(new BigDecimal("1499.50"));

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        ParseResult.Rejected huge = rejected(conversion("\"1E+400000000\""));
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(huge.reason()).isEqualTo(Rejection.BAD_VALUE);
        assertThat(huge.detail()).contains("amount", "no exponent", "1E+400000000");
        assertThat(allocated).as("bytes allocated rejecting the amount").isLessThan(1 << 20);

        assertThat(rejected(conversion("1E+400000000")).reason()).isEqualTo(Rejection.BAD_VALUE);
        assertThat(rejected(conversion("\"" + "9".repeat(30) + "\"")).reason()).isEqualTo(Rejection.TOO_LONG);
        assertThat(rejected(conversion("\"999999999999999\"")).detail()).contains("out of range");
        assertThat(rejected(conversion("\"12,50\"")).reason()).isEqualTo(Rejection.BAD_VALUE);
    }

    @Test
    void retryAttemptFitsItsColumn() {
        RetryFact last = (RetryFact) ((ParseResult.Parsed) result(event("retry.scheduled", RETRY + "65535"))).facts().get(0);
        assertThat(last.attempt()).isEqualTo(65535);
        ParseResult.Rejected over = rejected(event("retry.scheduled", RETRY + "65536"));
        assertThat(over.reason()).isEqualTo(Rejection.BAD_VALUE);
        assertThat(over.detail()).isEqualTo("attempt: expected 1 to 65535, got 65536");
        assertThat(rejected(event("retry.scheduled", RETRY + "0")).reason()).isEqualTo(Rejection.BAD_VALUE);
    }
}
