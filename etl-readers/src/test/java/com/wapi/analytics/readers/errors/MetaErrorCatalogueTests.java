package com.wapi.analytics.readers.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetaErrorCatalogueTests {

    /** Every code of Meta's published error table, with the product's label, category, retry class and fix. */
    static final int[] DOCUMENTED = {0, 1, 2, 3, 4, 10, 33, 100, 190, 200, 299, 368, 80007, 130403, 130429, 130472, 130497,
            131000, 131005, 131008, 131009, 131016, 131021, 131026, 131031, 131037, 131042, 131045, 131047, 131048,
            131049, 131050, 131051, 131052, 131053, 131055, 131056, 131057, 131063, 131064, 132000, 132001, 132005,
            132007, 132012, 132015, 132016, 132018, 132068, 132069, 133000, 133004, 133005, 133006, 133008, 133009,
            133010, 133015, 133016, 134011, 134100, 134101, 134102, 135000, 2388019, 2494100, 470, 471, 472, 480, 498,
            1015, 2050, 2026};

    @Test
    void everyDocumentedCodeHasALabelAndAFix() {
        for (int code : DOCUMENTED) {
            MetaError error = MetaErrorCatalogue.find(code).orElseThrow(() -> new AssertionError("no entry for " + code));
            assertThat(error.code()).isEqualTo(code);
            assertThat(error.label()).isNotBlank();
            assertThat(error.fix()).isNotBlank();
        }
    }

    @Test
    void digestCalloutCodesHaveTheRightRetryClass() {
        assertThat(MetaErrorCatalogue.find(131049).orElseThrow().retry()).isEqualTo(RetryClass.AFTER_24H);
        assertThat(MetaErrorCatalogue.find(131026).orElseThrow().retry()).isEqualTo(RetryClass.PERMANENT);
        assertThat(MetaErrorCatalogue.find(130472).orElseThrow().retry()).isEqualTo(RetryClass.PERMANENT);
        assertThat(MetaErrorCatalogue.find(131049).orElseThrow().retry().retryable()).isTrue();
        assertThat(MetaErrorCatalogue.find(131050).orElseThrow().retry().retryable()).isFalse();
    }

    @Test
    void smartRetryOnlyForTheMarketingLimitAndTransientErrors() {
        assertThat(MetaErrorCatalogue.isSmartRetryCandidate(131049)).isTrue();
        assertThat(MetaErrorCatalogue.isSmartRetryCandidate(130429)).isTrue();
        for (int never : new int[] {131050, 130472, 131026, 131021, 130403}) {
            assertThat(MetaErrorCatalogue.isSmartRetryCandidate(never)).as("%d", never).isFalse();
        }
    }

    @Test
    void rangesAndUnknownCodes() {
        assertThat(MetaErrorCatalogue.find(250).orElseThrow().label()).isEqualTo("API permission missing");
        MetaError unknown = MetaErrorCatalogue.describe(139999, "Brand new problem");
        assertThat(unknown.label()).isEqualTo("Brand new problem");
        assertThat(unknown.fix()).contains("139999");
        assertThat(MetaErrorCatalogue.describe(139999, "").label()).isEqualTo("Unknown error 139999");
    }

    @Test
    void catalogueIsWellFormed() {
        Set<Integer> seen = new HashSet<>();
        for (MetaError error : MetaErrorCatalogue.all()) {
            assertThat(seen.add(error.code())).as("duplicate %d", error.code()).isTrue();
            assertThat(error.channel()).isIn("webhook", "sync", "both");
            assertThat(error.category()).isIn("recipient", "rate_limit", "template", "policy", "account", "billing",
                    "request", "media", "platform", "flow", "registration", "payments");
        }
        assertThat(MetaErrorCatalogue.all()).hasSizeGreaterThan(70);
    }
}
