package com.wapi.analytics.readers.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.readers.ParseResult;
import com.wapi.analytics.readers.Rejection;
import com.wapi.analytics.readers.facts.Fact;
import com.wapi.analytics.readers.facts.InboundMessageFact;
import com.wapi.analytics.readers.facts.MessageStatusFact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A webhook body is a batch: each status, message or error, and each change routed to an unknown number, stands or
 * falls alone. Real bodies from a public SDK's fixtures (resources/meta-webhooks/README.md) are the test data.
 */
class MetaItemIsolationTests {

    static final String PHONE = "1122334455667";
    static final String OTHER_PHONE = "9988776655";
    static final String WABA = "1234567890987654321";
    static final Instant RECEIVED = Instant.parse("2026-11-24T10:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    final MetaWebhookParser parser = new MetaWebhookParser();

    /** Routes the given numbers, or every number when none is given, each to its own workspace. */
    static Router router(String... phones) {
        return new Router() {
            @Override
            public Optional<String> workspaceOfPhoneNumber(String phoneNumberId) {
                boolean known = phones.length == 0 || Set.of(phones).contains(phoneNumberId);
                return known ? Optional.of("ws-" + phoneNumberId) : Optional.empty();
            }

            @Override
            public List<String> workspacesOfAccount(String wabaId) {
                return WABA.equals(wabaId) || "5467539754836534".equals(wabaId) ? List.of("ws-" + PHONE) : List.of();
            }
        };
    }

    /** Every body of the fixture files, named file/name. */
    static Stream<Object[]> fixtures() {
        List<Object[]> bodies = new ArrayList<>();
        for (String file : List.of("message", "message_status", "system", "callback_button", "callback_selection",
                "edited_message", "deleted_message")) {
            fixture(file).properties().forEach(e -> bodies.add(new Object[] {file + "/" + e.getKey(), e.getValue()}));
        }
        return bodies.stream();
    }

    static JsonNode fixture(String file) {
        try (InputStream in = MetaItemIsolationTests.class.getResourceAsStream("/meta-webhooks/pywa/" + file + ".json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(String file, String name) {
        return fixture(file).get(name).deepCopy();
    }

    ParseResult.Parsed parse(JsonNode body, Router router) {
        ParseResult result = parser.parse(body.toString().getBytes(StandardCharsets.UTF_8), router, RECEIVED);
        assertThat(result).as(String.valueOf(result)).isInstanceOf(ParseResult.Parsed.class);
        return (ParseResult.Parsed) result;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyRealBodyBecomesFactsWithNothingRejected(String name, JsonNode body) {
        ParseResult.Parsed parsed = parse(body, router());
        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.facts()).isNotEmpty().allSatisfy(f -> assertThat(f.workspaceId()).startsWith("ws-"));
    }

    @Test
    void groupAndPlayedStatusesNameTheParticipantAndKeepTheStatus() {
        MessageStatusFact group = (MessageStatusFact) parse(body("message_status", "group"), router()).facts().get(0);
        assertThat(group.contactId()).isEqualTo("<GROUP_PARTICIPANT_USER_PHONE_NUMBER>");
        assertThat(group.recipientUserId()).isEqualTo("US.123456");
        MessageStatusFact played = (MessageStatusFact) parse(body("message_status", "played"), router()).facts().get(0);
        assertThat(played.status()).isEqualTo("played");
    }

    /**
     * entry[0]: one change of three messages, the second with neither type nor content; entry[1]: a change for a
     * number not yet added, then a change of statuses for the known number.
     */
    static ObjectNode batch() {
        ObjectNode body = (ObjectNode) body("message", "text");
        ObjectNode value = (ObjectNode) body.get("entry").get(0).get("changes").get(0).get("value");
        var messages = value.withArray("messages");
        messages.add(body("message", "current_location").get("entry").get(0).get("changes").get(0).get("value")
                .get("messages").get(0));
        messages.add(body("message", "reply").get("entry").get(0).get("changes").get(0).get("value").get("messages").get(0));
        ObjectNode broken = (ObjectNode) messages.get(1);
        broken.remove("type");
        broken.remove("location");
        broken.put("id", "wamid.broken");
        ObjectNode unmapped = (ObjectNode) body("message_status", "sent").get("entry").get(0).deepCopy();
        ((ObjectNode) unmapped.get("changes").get(0).get("value").get("metadata")).put("phone_number_id", OTHER_PHONE);
        unmapped.withArray("changes").add(body("message_status", "delivered").get("entry").get(0).get("changes").get(0));
        body.withArray("entry").add(unmapped);
        return body;
    }

    @Test
    void anItemThatCannotBecomeAFactIsRejectedAloneWithItsPath() {
        ParseResult.Parsed parsed = parse(batch(), router(PHONE));

        assertThat(parsed.rejected()).extracting(ParseResult.Rejected::path, ParseResult.Rejected::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("entry[0].changes[0].messages[1]", Rejection.MISSING_FIELD),
                org.assertj.core.groups.Tuple.tuple("entry[1].changes[0]", Rejection.UNKNOWN_PHONE_NUMBER));
        assertThat(parsed.rejected().get(0).detail()).contains("type is missing");
        assertThat(parsed.rejected().get(0).reason().replayable()).isFalse();
        assertThat(parsed.rejected().get(1).detail()).contains("unknown phone_number_id " + OTHER_PHONE);
        assertThat(parsed.rejected().get(1).reason().replayable()).isTrue();

        assertThat(parsed.facts()).hasSize(3);
        assertThat(parsed.facts()).filteredOn(InboundMessageFact.class::isInstance).extracting(f -> ((InboundMessageFact) f).messageType())
                .containsExactly("text", "text");
        assertThat(parsed.facts()).filteredOn(MessageStatusFact.class::isInstance)
                .extracting(f -> ((MessageStatusFact) f).status()).containsExactly("delivered");
    }

    @Test
    void aMessageWithoutTypeTakesItFromItsOneContentObject() {
        ObjectNode body = (ObjectNode) body("message", "chosen_location");
        ObjectNode message = (ObjectNode) body.get("entry").get(0).get("changes").get(0).get("value").get("messages").get(0);
        message.remove("type");
        InboundMessageFact fact = (InboundMessageFact) parse(body, router(PHONE)).facts().get(0);
        assertThat(fact.messageType()).isEqualTo("location");

        message.set("text", JSON.createObjectNode().put("body", "and a text"));
        ParseResult.Parsed ambiguous = parse(body, router(PHONE));
        assertThat(ambiguous.facts()).isEmpty();
        assertThat(ambiguous.rejected().get(0).detail()).contains("type is missing", "location", "text");
    }

    @Test
    void aReplayReadsOnlyTheSelectedItems() {
        byte[] body = batch().toString().getBytes(StandardCharsets.UTF_8);
        Router numberAdded = router(PHONE, OTHER_PHONE);

        ParseResult.Parsed replay = (ParseResult.Parsed) parser.parse(body, numberAdded, RECEIVED,
                List.of("entry[1].changes[0]"));
        assertThat(replay.rejected()).isEmpty();
        assertThat(replay.facts()).singleElement().satisfies(f -> {
            assertThat(f.workspaceId()).isEqualTo("ws-" + OTHER_PHONE);
            assertThat(((MessageStatusFact) f).status()).isEqualTo("sent");
        });

        ParseResult.Parsed stillBroken = (ParseResult.Parsed) parser.parse(body, numberAdded, RECEIVED,
                List.of("entry[0].changes[0].messages[1]"));
        assertThat(stillBroken.facts()).isEmpty();
        assertThat(stillBroken.rejected()).extracting(ParseResult.Rejected::path)
                .containsExactly("entry[0].changes[0].messages[1]");

        ParseResult.Parsed whole = (ParseResult.Parsed) parser.parse(body, numberAdded, RECEIVED, List.of(""));
        assertThat(whole.facts()).extracting(Fact::naturalKey).hasSize(4);
        assertThat(whole.rejected()).hasSize(1);
    }
}
