package dev.metricgate.plans.domain;

import java.security.SecureRandom;

/**
 * A freshly generated key {@code mg_<publicId>_<secret>}: a 12-character public id to recognise the
 * key in lists and logs, and a 43-character secret from a CSPRNG (about 256 bits). The plaintext
 * leaves the service once and is never stored.
 */
public record ApiKeySecret(String publicId, String plaintext) {

    public static final String PREFIX = "mg_";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String PUBLIC_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int PUBLIC_ID_LENGTH = 12;
    private static final int SECRET_LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeySecret generate() {
        String publicId = random(PUBLIC_ALPHABET, PUBLIC_ID_LENGTH);
        String secret = random(ALPHABET, SECRET_LENGTH);
        return new ApiKeySecret(publicId, PREFIX + publicId + "_" + secret);
    }

    /** The recognisable, non-secret start of the key. */
    public String prefix() {
        return PREFIX + publicId;
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + prefix() + "_***]";
    }
}
