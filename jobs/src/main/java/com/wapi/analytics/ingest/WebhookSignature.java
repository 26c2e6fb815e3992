package com.wapi.analytics.ingest;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Meta's X-Hub-Signature-256: "sha256=" + lowercase hex HMAC-SHA256 of the raw body with the app secret,
 * compared in constant time. Upper-case hex is accepted too (same digest).
 */
@Component
public class WebhookSignature {

    private static final String PREFIX = "sha256=";

    private final byte[] secret;
    private final ThreadLocal<Mac> mac;

    WebhookSignature(@Value("${wapi.meta.app-secret}") String appSecret) {
        this.secret = appSecret.getBytes(StandardCharsets.UTF_8);
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    boolean configured() {
        return secret.length > 0;
    }

    boolean matches(String header, byte[] body) {
        if (!configured() || header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        String hex = header.substring(PREFIX.length());
        if (hex.length() != 64) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(presented, mac.get().doFinal(body));
    }

    /** The header value for a body: used by the load generator and tests, which sign as Meta does. */
    public static String sign(String appSecret, byte[] body) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(m.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA256"));
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
