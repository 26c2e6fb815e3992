package com.wapi.analytics.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits requests for sign-in links per address and per client address: at most n in a sliding window, counted in
 * memory (each serve process counts its own). Over the limit the request is answered 429 with the sign-in page
 * saying so, and no link is made.
 */
class LinkRequestLimit extends OncePerRequestFilter {

    /** Keys counted before the window are dropped once this many are held. */
    private static final int FORGET_ABOVE = 10_000;

    private final SignInProperties settings;
    private final Clock clock;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    LinkRequestLimit(SignInProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && SignInPaths.REQUEST_LINK.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = String.valueOf(request.getParameter("username")).strip().toLowerCase(Locale.ROOT);
        boolean allowed = admit("client:" + request.getRemoteAddr(), settings.linksPerClient())
                & admit("address:" + address, settings.linksPerAddress());
        if (allowed) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(settings.limitWindow().toSeconds()));
        request.getRequestDispatcher(SignInPaths.TOO_MANY).forward(request, response);
    }

    /** Counts this request against the key; false once the key has had its share within the window. */
    private boolean admit(String key, int limit) {
        long now = clock.millis();
        long windowStart = now - settings.limitWindow().toMillis();
        boolean[] admitted = new boolean[1];
        recent.compute(key, (k, times) -> {
            Deque<Long> kept = times == null ? new ArrayDeque<>() : times;
            while (!kept.isEmpty() && kept.peekFirst() <= windowStart) {
                kept.pollFirst();
            }
            admitted[0] = kept.size() < limit;
            if (admitted[0]) {
                kept.addLast(now);
            }
            return kept;
        });
        if (recent.size() > FORGET_ABOVE) {
            recent.keySet().forEach(stale -> recent.computeIfPresent(stale,
                    (k, times) -> times.isEmpty() || times.peekLast() <= windowStart ? null : times));
        }
        return admitted[0];
    }
}
