package com.wapi.analytics.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Issues API tokens (random, shown once, stored as SHA-256) and resolves a presented token to its scope. Every
 * request reads the token's row, so a revoked or expired token is refused from its next request on, by every
 * process; only the "last used" time is written lazily, at most once a minute per token and process.
 */
@Component
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long TOUCH_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final ApiTokenRepository tokens;
    private final Map<Long, Long> lastTouched = new ConcurrentHashMap<>();

    public ApiTokens(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** The secret is returned to the caller and never stored. */
    public record Issued(long id, String secret) {
    }

    Issued issue(ApiToken.Kind kind, String workspaceId, String organizationId, Instant expiresAt) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "wapi_" + kind.name() + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long id = tokens.insert(hash(secret), secret.substring(0, 16), kind, workspaceId, organizationId, expiresAt);
        return new Issued(id, secret);
    }

    /** The token presented as {@code Authorization: Bearer <token>}, if it is a valid one. */
    public Optional<ApiToken> authenticateHeader(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return authenticate(authorization.substring(7));
    }

    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiToken> token = tokens.findActiveByHash(hash(secret.strip()));
        token.ifPresent(this::touch);
        return token;
    }

    private void touch(ApiToken token) {
        long now = System.nanoTime();
        Long last = lastTouched.get(token.id());
        if (last == null || now - last >= TOUCH_EVERY_NANOS) {
            lastTouched.put(token.id(), now);
            tokens.touch(token.id());
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
