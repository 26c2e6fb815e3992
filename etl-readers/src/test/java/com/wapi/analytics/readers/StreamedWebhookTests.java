package com.wapi.analytics.readers;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.readers.meta.MetaWebhookParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A webhook is read as a token stream, with the tree reading for what is not of the usual shape; reading it as a
 * tree alone (as a replay of the whole body does) must give the same facts, rejections, reasons and item paths.
 */
class StreamedWebhookTests {

    static final String[] SHAPES = {
            // several entries and changes, field before value, a group status, a status with conversation
            """
            {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"1065"},"statuses":[{"id":"wamid.G","status":"DELIVERED","timestamp":"1751142888","recipient_type":"group","recipient_id":"120363","recipient_participant_id":"16505551234","recipient_participant_user_id":"US.1","conversation":{"id":"c1","expiration_timestamp":"1751229288","origin":{"type":"marketing"}},"biz_opaque_callback_data":"cb"}]}}]},{"id":"1030","time":1751247548,"changes":[{"value":{"metadata":{"phone_number_id":"1066"},"statuses":[{"id":"wamid.H","status":"read","timestamp":"1751142890","recipient_id":"1"}]},"field":"messages"},{"value":{"metadata":{"phone_number_id":"2066"},"statuses":[{"id":"wamid.U","status":"read","timestamp":"1751142890","recipient_id":"1"}]},"field":"messages"}]}]}""",
            // statuses, messages with contacts, and system errors in one value
            """
            {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"value":{"metadata":{"phone_number_id":"1065"},"statuses":[{"id":"wamid.S","status":"sent","timestamp":"1751142888","recipient_id":"1","errors":[{"code":131026,"error_subcode":7,"title":"t","error_data":{"details":"d"}},{"code":1}],"pricing":{"billable":false,"category":"utility"}}],"contacts":[{"profile":{"name":"A"},"wa_id":"16505551234"}],"messages":[{"from":"16505551234","id":"wamid.M","timestamp":"1749416383","type":"text","text":{"body":"hi"}}],"errors":[{"code":131000,"title":"Something went wrong"}]},"field":"messages"}]}]}""",
            // the order the stream does not follow: id and time after changes, contacts after messages
            """
            {"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"metadata":{"phone_number_id":"1065"},"messages":[{"from":"16505551234","id":"wamid.M2","timestamp":"1749416383","text":{"body":"no type"}}],"contacts":[{"profile":{"name":"B"},"wa_id":"16505551234"}]},"field":"messages"}],"id":"1029","time":1751247548}]}""",
            // an empty messages value, an account update, a repeated key
            """
            {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"value":{"metadata":{"phone_number_id":"1065"},"statuses":[]},"field":"messages"},{"value":{"event":"VERIFIED_ACCOUNT","metadata":{"phone_number_id":"1065"}},"field":"account_update"},{"value":{"metadata":{"phone_number_id":"1065"},"statuses":[{"id":"wamid.D","id":"wamid.E","status":"read","timestamp":"1751142888"}]},"field":"messages"}]}]}""",
    };

    final MetaWebhookParser parser = new MetaWebhookParser();
    final List<String> wholeBody = List.of("");

    @Test
    void everyShapeAndFixtureReadsAsTheTreeReadsIt() throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        for (String shape : SHAPES) {
            bodies.add(shape.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/meta-webhooks/pywa"))) {
            files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> bodies.add(read(f)));
        }
        int facts = 0;
        for (byte[] body : bodies) {
            ParseResult streamed = parser.parse(body, new ParserFuzzTests().router, Instant.EPOCH);
            assertThat(streamed).as(new String(body)).isEqualTo(treeOnly(body));
            facts += streamed instanceof ParseResult.Parsed p ? p.facts().size() : 0;
        }
        assertThat(facts).isGreaterThan(SHAPES.length);
    }

    @Test
    void mutatedWebhooksReadAsTheTreeReadsThem() {
        Random random = new Random(20261130L);
        List<String> seeds = new ArrayList<>(List.of(SHAPES));
        seeds.addAll(List.of(ParserFuzzTests.SEEDS).subList(0, 3));
        for (int i = 0; i < 10_000; i++) {
            byte[] body = ParserFuzzTests.mutate(seeds.get(random.nextInt(seeds.size())).strip(), random, i);
            if (i % 12 == 8 || i % 12 == 7 && i % 997 == 7) {
                continue; // the huge inputs: the fuzz tests cover them
            }
            ParseResult streamed = parser.parse(body, new ParserFuzzTests().router, Instant.EPOCH);
            assertThat(streamed).as("input %d: %s", i, new String(body)).isEqualTo(treeOnly(body));
        }
    }

    private ParseResult treeOnly(byte[] body) {
        return parser.parse(body, new ParserFuzzTests().router, Instant.EPOCH, wholeBody);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
