package com.wapi.analytics.readers.meta;

import com.wapi.analytics.readers.JsonInput;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Thrown by the streaming reading when a part of a webhook is not of the usual shape; that part is then read
 * again as a tree, which accepts or rejects it with its own reasons. Carries no stack trace: it is control flow.
 */
final class Unusual extends RuntimeException {

    static final Unusual INSTANCE = new Unusual();

    private Unusual() {
        super("not the usual shape", null, false, false);
    }

    /** A string value as the tree reading would take it, or Unusual for anything else. */
    static String text(JsonParser p, JsonToken token) {
        if (token != JsonToken.VALUE_STRING) {
            throw INSTANCE;
        }
        String value = p.getString();
        if (value.length() > JsonInput.MAX_TEXT) {
            throw INSTANCE;
        }
        return value;
    }

    /** Where an object or array starts in the body, to read it again as a tree once it is skipped to its end. */
    record Span(int offset, int depth) {

        /** At the START_OBJECT or START_ARRAY token. */
        static Span at(JsonParser p) {
            return new Span((int) p.currentTokenLocation().getByteOffset(), p.streamReadContext().getNestingDepth());
        }

        /** Moves the parser to the end token of the value and returns its length in bytes. */
        int finish(JsonParser p) {
            while (!(p.currentToken().isStructEnd() && p.streamReadContext().getNestingDepth() == depth - 1)) {
                p.nextToken();
            }
            return (int) p.currentLocation().getByteOffset() - offset;
        }
    }
}
