package com.wapi.analytics.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonInputTests {

    @Test
    void theFastIsoParserAgreesWithOffsetDateTime() {
        List<String> samples = new ArrayList<>(List.of("2026-11-02T10:00:00+05:30", "2026-11-02T10:00:00Z",
                "2026-11-02T10:00:00.123Z", "2026-11-02T10:00:00.123456789-12:45", "2026-11-02T10:00:00.1234567891Z",
                "2024-02-29T23:59:59+00:00", "2025-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-31T10:00:00Z",
                "2026-11-02T24:00:00Z", "2026-11-02T10:60:00Z", "2026-11-02T10:00:60Z", "2026-11-02T10:00Z",
                "2026-11-02t10:00:00z", "2026-11-02T10:00:00+18:00", "2026-11-02T10:00:00+18:30", "2026-11-02T10:00:00+0530",
                "2026-11-02T10:00:00.Z", "2026-11-02 10:00:00Z", "+2026-11-02T10:00:00Z", "2026-11-02T10:00:00+05:30:15",
                "２026-11-02T10:00:00Z", "2026-11-02T10:00:00-00:00"));
        Random random = new Random(1);
        for (int i = 0; i < 5000; i++) {
            samples.add(String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", 1990 + random.nextInt(120), random.nextInt(14),
                    random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(61),
                    random.nextBoolean() ? "" : "." + "123456789".substring(0, 1 + random.nextInt(9)),
                    random.nextBoolean() ? "Z" : String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-",
                            random.nextInt(20), random.nextInt(61))));
        }
        int fast = 0;
        for (String text : samples) {
            Instant expected;
            try {
                expected = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                expected = null;
            }
            Instant actual = JsonInput.parseCommonIsoInstant(text);
            if (actual != null) {
                fast++;
                assertThat(actual).as(text).isEqualTo(expected);
            }
        }
        assertThat(fast).as("most well-formed times take the fast path").isGreaterThan(1000);
        assertThat(JsonInput.parseCommonIsoInstant("2026-11-02T10:00:00+05:30")).isEqualTo(Instant.parse("2026-11-02T04:30:00Z"));
    }
}
