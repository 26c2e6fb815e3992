package com.wapi.analytics.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The request body {@link BodyReadingFilter} collected; empty when it was over the limit (the caller answers 413). */
final class BoundedBody {

    private BoundedBody() {
    }

    static Optional<byte[]> read(HttpServletRequest request) {
        if (request.getAttribute(BodyReadingFilter.TOO_LARGE) != null) {
            return Optional.empty();
        }
        byte[] body = (byte[]) request.getAttribute(BodyReadingFilter.BODY);
        if (body == null) {
            throw new IllegalStateException("the receiver's body filter did not run for " + request.getRequestURI());
        }
        return Optional.of(body);
    }
}
