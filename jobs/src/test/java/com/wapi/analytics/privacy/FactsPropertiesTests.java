package com.wapi.analytics.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.readers.facts.BroadcastFact;
import com.wapi.analytics.readers.facts.Fact;
import com.wapi.analytics.readers.facts.InboundMessageFact;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactsPropertiesTests {

    private static final InboundMessageFact MESSAGE = new InboundMessageFact("ws", "wamid.1", "919876540001",
            "919876540001", "", "Asha", Instant.EPOCH, "text", "106540352242922", "", false, "", "", "", "", "", "",
            "", "", "", "My address is 12 Park Street", 0);

    @Test
    void dropsInboundTextByDefaultAndKeepsEverythingElse() {
        Fact other = new BroadcastFact("ws", "bc", "e1", Instant.EPOCH, "Sale", "sale", "MARKETING", 10, "me");

        List<Fact> stored = new FactsProperties(false).storable(List.of(MESSAGE, other));

        assertThat(stored.get(0)).isInstanceOfSatisfying(InboundMessageFact.class, m -> {
            assertThat(m.textBody()).isEmpty();
            assertThat(m).usingRecursiveComparison().ignoringFields("textBody").isEqualTo(MESSAGE);
        });
        assertThat(stored.get(1)).isSameAs(other);
    }

    @Test
    void keepsTheTextWhenAskedTo() {
        assertThat(new FactsProperties(true).storable(List.of(MESSAGE))).containsExactly(MESSAGE);
    }
}
