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
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the receiver's POST bodies without holding a worker thread: the bytes are collected by a non-blocking
 * {@link ReadListener} as they arrive, and the request is dispatched to its controller only once the whole body is
 * there. A client trickling its body therefore costs a socket and the bytes it sent, never a thread. Each body has
 * a total deadline (408 past it), a size limit (the controller answers 413), and every byte held for a body not yet
 * checked comes out of one budget shared by all clients (503 with Retry-After when it is spent).
 * <p>
 * A webhook is then answered here, by {@link WebhookReceiver}, once its rows are committed; a body of /events goes
 * on to its controller through an async dispatch.
 */
class BodyReadingFilter extends HttpFilter {

    static final String BODY = BodyReadingFilter.class.getName() + ".body";
    static final String TOO_LARGE = BodyReadingFilter.class.getName() + ".tooLarge";
    /**
     * A body's first buffer has its Content-Length up to this size (the body then arrives without a copy); a larger
     * body grows its buffer as its bytes arrive, so a header alone never reserves memory.
     */
    private static final int FIRST_BUFFER_MAX = 16 * 1024;
    /** A landed webhook's answer comes at least this long before the container's deadline for the request. */
    private static final long ANSWER_MARGIN_MILLIS = 1000;

    private final IngestProperties properties;
    private final IngestMetrics metrics;
    private final WebhookReceiver webhooks;
    private final BodyBudget budget;

    BodyReadingFilter(IngestProperties properties, IngestMetrics metrics, WebhookReceiver webhooks, BodyBudget budget) {
        this.properties = properties;
        this.metrics = metrics;
        this.webhooks = webhooks;
        this.budget = budget;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || !request.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        boolean webhook = request.getServletPath().equals(WebhookController.PATH);
        int limit = webhook ? properties.maxWebhookBytes() : properties.maxEventsBytes();
        AsyncContext async = request.startAsync();
        async.setTimeout(properties.bodyDeadlineMillis());
        Reading reading = new Reading(async, request.getInputStream(), limit, webhook, request.getContentLengthLong());
        async.addListener(reading);
        if (request.getContentLengthLong() > limit) {
            reading.tooLarge();
        } else if (reading.readArrived()) {
            reading.onAllDataRead();
        } else {
            request.getInputStream().setReadListener(reading);
        }
    }

    /**
     * One body being read; whichever of data, end, timeout or error comes first settles it. A webhook settled by its
     * end is answered when its landing completes, or at the deadline with 503 if that comes first.
     */
    private final class Reading implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream in;
        private final int limit;
        private final boolean webhook;
        private final String endpoint;
        private final long startNanos = System.nanoTime();
        private final AtomicBoolean settled = new AtomicBoolean();
        /** Claimed by whichever answers a landed webhook first: its landing, or the deadline. */
        private final AtomicBoolean answered = new AtomicBoolean();
        private final CountDownLatch completed = new CountDownLatch(1);
        /** The body read so far, in {@code body[0, length)}; sized by Content-Length up to a small bound only. */
        private byte[] body;
        private int length;
        private int reserved;

        Reading(AsyncContext async, ServletInputStream in, int limit, boolean webhook, long declaredLength) {
            this.async = async;
            this.in = in;
            this.limit = limit;
            this.webhook = webhook;
            this.endpoint = webhook ? "webhook" : "events";
            this.body = new byte[declaredLength > 0 ? (int) Math.min(declaredLength, FIRST_BUFFER_MAX) : 1024];
        }

        /**
         * Reads the bytes that came with the headers, without waiting for more (what {@code available()} counts is
         * readable without blocking): a webhook's body usually arrives whole with them, and is then taken without
         * the container's second dispatch for a {@link ReadListener}. True if the body is now read whole.
         */
        boolean readArrived() throws IOException {
            while (!settled.get() && in.available() > 0 && readSome()) {
                // reads until nothing more has arrived
            }
            return !settled.get() && in.isFinished();
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!settled.get() && in.isReady() && readSome()) {
                // reads until the container has nothing more to give without waiting
            }
        }

        /** One read into the body; false at its end or once refused (too large, or the shared budget spent). */
        private boolean readSome() throws IOException {
            if (length == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(2L * body.length, limit + 1L));
            }
            int n = in.read(body, length, body.length - length);
            if (n < 0) {
                return false;
            }
            if (length + n > limit) {
                tooLarge();
                return false;
            }
            if (!reserve(n)) {
                refuse(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "busy", Answers.BUSY);
                return false;
            }
            length += n;
            return true;
        }

        @Override
        public void onAllDataRead() {
            byte[] whole = length == body.length ? body : Arrays.copyOf(body, length);
            if (!webhook) {
                dispatch(BODY, whole);
            } else if (settled.compareAndSet(false, true)) {
                String signature = ((HttpServletRequest) async.getRequest()).getHeader("X-Hub-Signature-256");
                webhooks.receive(signature, whole, landingWaitMillis()).thenAccept(this::answerOnContainerThread);
            }
        }

        /**
         * The body's deadline is over; the landing gets its own wait. The servlet specification lets a container
         * refuse to move the deadline at this point (Tomcat moves it): the wait then ends before the deadline.
         */
        private long landingWaitMillis() {
            long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
            long wait = properties.landingTimeoutMillis();
            try {
                async.setTimeout(elapsed + wait + ANSWER_MARGIN_MILLIS);
                return wait;
            } catch (IllegalStateException deadlineFixed) {
                return Math.max(0, Math.min(wait, properties.bodyDeadlineMillis() - elapsed - ANSWER_MARGIN_MILLIS));
            }
        }

        /** 413, without reading the rest: the connection is closed (a body of /events gets it from its controller). */
        void tooLarge() {
            if (!webhook) {
                dispatch(TOO_LARGE, Boolean.TRUE);
            } else if (settled.compareAndSet(false, true)) {
                answer(webhooks.tooLarge(), true);
            }
        }

        /** Not on the landing writer's thread: a client that does not read its answers must never hold it up. */
        private void answerOnContainerThread(WebhookReceiver.Answer answer) {
            try {
                async.start(() -> answer(answer, false));
            } catch (IllegalStateException requestEnded) {
                completed.countDown(); // the client left or the deadline answered it
            }
        }

        /** The one place an answer is written, whoever gives it; at most once per request. */
        private void answer(WebhookReceiver.Answer answer, boolean closeConnection) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            try {
                HttpServletResponse response = (HttpServletResponse) async.getResponse();
                response.setStatus(answer.status());
                if (closeConnection) {
                    response.setHeader("Connection", "close");
                }
                if (answer.retryAfter() != null) {
                    response.setHeader("Retry-After", answer.retryAfter());
                }
                response.setContentType("application/json");
                response.setContentLength(answer.json().length);
                response.getOutputStream().write(answer.json());
            } catch (IOException | IllegalStateException clientGone) {
                // nothing to tell a client that left; its rows, if committed, are a repeat on its retry
            } finally {
                try {
                    async.complete();
                } catch (IllegalStateException alreadyCompleted) {
                    // the container ended it first
                }
                completed.countDown();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            if (!settled.get()) {
                refuse(HttpServletResponse.SC_REQUEST_TIMEOUT, "body_timeout", Answers.bodyTimeout(properties));
            } else if (webhook) {
                answer(WebhookReceiver.UNAVAILABLE, false);
                try {
                    // the landing may have claimed the answer an instant before: let it finish writing
                    completed.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
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

        /** An answer before the body was read whole: the rest is not read, so the connection is closed. */
        private void refuse(int status, String code, String detail) {
            if (settled.compareAndSet(false, true)) {
                metrics.outcome(endpoint, code);
                answer(WebhookReceiver.error(status, code, detail), true);
            }
        }

        private synchronized boolean reserve(int n) {
            if (!budget.tryReserve(n)) {
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
