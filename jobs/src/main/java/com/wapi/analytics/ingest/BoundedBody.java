package com.wapi.analytics.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a request body up to a limit; empty when it is larger (the caller answers 413). */
final class BoundedBody {

    private BoundedBody() {
    }

    static Optional<byte[]> read(HttpServletRequest request, int limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buffer = new byte[16384];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > limit) {
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
            }
        }
        return Optional.of(out.toByteArray());
    }
}
