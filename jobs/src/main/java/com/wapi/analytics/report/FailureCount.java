package com.wapi.analytics.report;

/** How many messages failed with one Meta error code, with the code's label, fix and retry class. */
public record FailureCount(int code, String label, String fix, String retry, long count) {
}
