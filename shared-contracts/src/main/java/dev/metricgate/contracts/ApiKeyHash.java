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

    private static final MessageDigest SHA_256 = sha256();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ApiKeyHash() {}

    public static String of(String presentedKey) {
        return BASE64URL.encodeToString(digest().digest(presentedKey.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh digest: cloning a prototype skips the provider lookup of getInstance (hot path). */
    private static MessageDigest digest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
