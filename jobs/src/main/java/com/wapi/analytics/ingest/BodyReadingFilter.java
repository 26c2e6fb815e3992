package com.wapi.analytics.ingest;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the receiver's POST bodies without holding a worker thread: the bytes are collected by a non-blocking
 * {@link ReadListener} as they arrive, and the request is dispatched to its controller only once the whole body is
 * there. A client trickling its body therefore costs a socket and the bytes it sent, never a thread. Each body has
 * a total deadline (408 past it), a size limit (the controller answers 413), and every byte held for a body not yet
 * checked comes out of one budget shared by all clients (503 with Retry-After when it is spent).
 */
class BodyReadingFilter extends HttpFilter {

    static final String BODY = BodyReadingFilter.class.getName() + ".body";
    static final String TOO_LARGE = BodyReadingFilter.class.getName() + ".tooLarge";
    /**
     * A body's first buffer has its Content-Length up to this size (the body then arrives without a copy); a larger
     * body grows its buffer as its bytes arrive, so a header alone never reserves memory.
     */
    private static final int FIRST_BUFFER_MAX = 16 * 1024;

    private final IngestProperties properties;
    private final IngestMetrics metrics;
    private final Semaphore budget;

    BodyReadingFilter(IngestProperties properties, IngestMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
        this.budget = new Semaphore(properties.bodyBudgetBytes());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || !request.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        int limit = request.getRequestURI().equals(WebhookController.PATH) ? properties.maxWebhookBytes()
                : properties.maxEventsBytes();
        AsyncContext async = request.startAsync();
        if (request.getContentLengthLong() > limit) {
            request.setAttribute(TOO_LARGE, Boolean.TRUE);
            async.dispatch();
            return;
        }
        async.setTimeout(properties.bodyDeadlineMillis());
        Reading reading = new Reading(async, request.getInputStream(), limit, endpoint(request),
                request.getContentLengthLong());
        async.addListener(reading);
        request.getInputStream().setReadListener(reading);
    }

    private static String endpoint(HttpServletRequest request) {
        return request.getRequestURI().equals(WebhookController.PATH) ? "webhook" : "events";
    }

    /** One body being read; whichever of data, end, timeout or error comes first settles it. */
    private final class Reading implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream in;
        private final int limit;
        private final String endpoint;
        private final AtomicBoolean settled = new AtomicBoolean();
        /** The body read so far, in {@code body[0, length)}; sized by Content-Length up to a small bound only. */
        private byte[] body;
        private int length;
        private int reserved;

        Reading(AsyncContext async, ServletInputStream in, int limit, String endpoint, long declaredLength) {
            this.async = async;
            this.in = in;
            this.limit = limit;
            this.endpoint = endpoint;
            this.body = new byte[declaredLength > 0 ? (int) Math.min(declaredLength, FIRST_BUFFER_MAX) : 1024];
        }

        @Override
        public void onDataAvailable() throws IOException {
            int n;
            while (!settled.get() && in.isReady()) {
                if (length == body.length) {
                    body = Arrays.copyOf(body, (int) Math.min(2L * body.length, limit + 1L));
                }
                if ((n = in.read(body, length, body.length - length)) < 0) {
                    return;
                }
                if (length + n > limit) {
                    dispatch(TOO_LARGE, Boolean.TRUE);
                    return;
                }
                if (!reserve(n)) {
                    refuse(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "busy",
                            "the receiver is reading too many bodies at once; nothing was stored, retry");
                    return;
                }
                length += n;
            }
        }

        @Override
        public void onAllDataRead() {
            dispatch(BODY, length == body.length ? body : Arrays.copyOf(body, length));
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            refuse(HttpServletResponse.SC_REQUEST_TIMEOUT, "body_timeout", "the body did not arrive within "
                    + properties.bodyDeadlineMillis() / 1000 + " s; nothing was stored: send it in one go");
        }

        @Override
        public void onError(Throwable t) {
            if (settled.compareAndSet(false, true)) {
                metrics.outcome(endpoint, "broken_body");
                release();
                try {
                    async.complete();
                } catch (IllegalStateException alreadyCompleted) {
                    // the container ended it first
                }
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onComplete(AsyncEvent event) {
            release();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        private void dispatch(String attribute, Object value) {
            if (settled.compareAndSet(false, true)) {
                async.getRequest().setAttribute(attribute, value);
                async.dispatch();
            }
        }

        private void refuse(int status, String code, String detail) throws IOException {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            metrics.outcome(endpoint, code);
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            response.setStatus(status);
            response.setHeader("Connection", "close");
            if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                response.setHeader("Retry-After", "5");
            }
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"error\":\"" + code + "\",\"detail\":\"" + detail + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            async.complete();
        }

        private synchronized boolean reserve(int n) {
            if (!budget.tryAcquire(n)) {
                return false;
            }
            reserved += n;
            return true;
        }

        private synchronized void release() {
            budget.release(reserved);
            reserved = 0;
        }
    }
}
