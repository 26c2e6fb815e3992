package com.wapi.analytics.readers;

/** Thrown inside the parsers to abandon an event; turned into a {@link ParseResult.Rejected} at their edge. */
public final class InvalidEvent extends RuntimeException {

    private static final int MAX_DETAIL = 500;

    private final Rejection reason;

    public InvalidEvent(Rejection reason, String detail) {
        super(detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "..." : detail, null, false, false);
        this.reason = reason;
    }

    public ParseResult.Rejected toResult() {
        return toResult("");
    }

    /** The rejection of the one item at {@code path} ("" for the whole input). */
    public ParseResult.Rejected toResult(String path) {
        return new ParseResult.Rejected(reason, getMessage(), path);
    }
}
