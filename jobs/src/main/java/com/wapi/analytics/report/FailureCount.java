package com.wapi.analytics.report;

import java.util.Comparator;

/** How many messages failed with one Meta error code, with the code's label, fix and retry class. */
public record FailureCount(int code, String label, String fix, String retry, long count) {

    public static final Comparator<FailureCount> MOST_FREQUENT_FIRST =
            Comparator.comparingLong(FailureCount::count).reversed().thenComparingInt(FailureCount::code);

    /** The code's label, fix and retry class from the catalogue; Meta's title for codes it does not know. */
    public static FailureCount of(int code, String titleFromMeta, long count) {
        ErrorLabels.Label label = ErrorLabels.describe(code, titleFromMeta);
        return new FailureCount(code, label.label(), label.fix(), label.retry(), count);
    }

    public FailureCount plus(long more) {
        return new FailureCount(code, label, fix, retry, count + more);
    }

    /** "1 message", "2 messages". */
    public String messages() {
        return Words.count(count, "message");
    }
}
