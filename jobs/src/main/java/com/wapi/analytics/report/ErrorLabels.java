package com.wapi.analytics.report;

import com.wapi.analytics.readers.errors.MetaError;
import com.wapi.analytics.readers.errors.MetaErrorCatalogue;

/** Friendly label, retry class and fix of a Meta error code, from the catalogue in etl-readers. */
public final class ErrorLabels {

    public record Label(String label, String fix, String retry) {
    }

    private ErrorLabels() {
    }

    public static Label describe(int code, String titleFromMeta) {
        MetaError error = MetaErrorCatalogue.describe(code, titleFromMeta);
        return new Label(error.label(), error.fix(), error.retry().retryable() ? "retryable" : "permanent");
    }
}
