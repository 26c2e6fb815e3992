package com.wapi.analytics.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Issues API tokens (random, shown once, stored as SHA-256) and resolves a presented token to its scope. */
@Component
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;

    public ApiTokens(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    /** The secret is returned to the caller and never stored. */
    public record Issued(long id, String secret) {
    }

    Issued issue(ApiToken.Kind kind, String workspaceId, String organizationId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "wapi_" + kind.name() + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long id = tokens.insert(hash(secret), secret.substring(0, 16), kind, workspaceId, organizationId);
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
        return tokens.findActiveByHash(hash(secret.strip()));
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
