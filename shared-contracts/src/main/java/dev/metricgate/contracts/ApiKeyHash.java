package dev.metricgate.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * How an API key is identified without its secret: SHA-256 of the whole presented key, base64url
 * without padding. plans-service stores only this; enforcement looks keys up by it. A fast hash is
 * right here because keys carry at least 128 bits of CSPRNG entropy (no dictionary to attack).
 */
public final class ApiKeyHash {

    /** Every MetricGate key starts with this, so leaked keys are recognisable by secret scanners. */
    public static final String PREFIX = "mg_";

    private ApiKeyHash() {}

    public static String of(String presentedKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presentedKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
