package com.wapi.analytics.readers.errors;

/** What to do about a failed message, by Meta error code. */
public enum RetryClass {
    /** Retry with backoff. */
    TRANSIENT,
    /** Retry no sooner than 24 hours later. */
    AFTER_24H,
    /** Fix the cause first; a blind retry returns the same error. */
    FIX_FIRST,
    /** Never retry to this recipient. */
    PERMANENT;

    public boolean retryable() {
        return this == TRANSIENT || this == AFTER_24H;
    }
}
