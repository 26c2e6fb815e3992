package com.wapi.analytics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatusBodiesTests {

    @Test
    void everyBodyIsDistinctValidJsonWithItsNumberInEachMessageId() {
        StatusBodies bodies = new StatusBodies("run7", new Random(3));
        JsonMapper json = JsonMapper.builder().build();
        Set<String> ids = new HashSet<>();
        for (long n = 0; n < 1000; n++) {
            JsonNode value = json.readTree(bodies.body(n)).get("entry").get(0).get("changes").get(0).get("value");
            assertThat(value.get("metadata").get("phone_number_id").asString()).isEqualTo("run7");
            for (JsonNode status : value.get("statuses")) {
                String id = status.get("id").asString();
                assertThat(id).startsWith("wamid.Lrun7." + (100_000_000_000L + n) + ".");
                assertThat(ids.add(id)).as("ids repeat: %s", id).isTrue();
            }
        }
    }
}
