package com.wapi.analytics.readers;

import com.wapi.analytics.readers.facts.Fact;
import java.util.List;

/**
 * The outcome of parsing one input: the facts of every item that could be read and, each with its path, the items
 * that could not; or the whole input rejected when not even its envelope could be read.
 */
public sealed interface ParseResult {

    /**
     * @param rejected the items (e.g. {@code entry[1].changes[0].messages[3]}) that could not become facts
     */
    record Parsed(List<Fact> facts, List<Rejected> rejected) implements ParseResult {
        public Parsed {
            facts = List.copyOf(facts);
            rejected = List.copyOf(rejected);
        }

        public Parsed(List<Fact> facts) {
            this(facts, List.of());
        }
    }

    /** @param path the rejected item; "" for the whole input */
    record Rejected(Rejection reason, String detail, String path) implements ParseResult {
        public Rejected(Rejection reason, String detail) {
            this(reason, detail, "");
        }
    }

    static Rejected reject(Rejection reason, String detail) {
        return new Rejected(reason, detail);
    }
}
