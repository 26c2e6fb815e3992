package com.wapi.analytics.readers;

import com.wapi.analytics.readers.facts.Fact;
import java.util.List;

/** The outcome of parsing one event: all of its facts, or one rejection. Never both. */
public sealed interface ParseResult {

    record Parsed(List<Fact> facts) implements ParseResult {
        public Parsed {
            facts = List.copyOf(facts);
        }
    }

    record Rejected(Rejection reason, String detail) implements ParseResult {
    }

    static Rejected reject(Rejection reason, String detail) {
        return new Rejected(reason, detail);
    }
}
