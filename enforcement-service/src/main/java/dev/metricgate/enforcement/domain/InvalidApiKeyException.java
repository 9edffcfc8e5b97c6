package dev.metricgate.enforcement.domain;

/**
 * The presented key cannot be used: missing, malformed, unknown, revoked, expired, or its tenant
 * chain is not active. Deliberately one exception for all of them, so answers give nothing away.
 */
public final class InvalidApiKeyException extends RuntimeException {

    public InvalidApiKeyException() {
        super("invalid API key", null, false, false);
    }
}
