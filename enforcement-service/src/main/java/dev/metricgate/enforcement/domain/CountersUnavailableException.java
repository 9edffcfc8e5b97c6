package dev.metricgate.enforcement.domain;

/** No decision can be made right now (counters or key directory unreachable, fail-closed plan). */
public final class CountersUnavailableException extends RuntimeException {

    private final long retryAfterSeconds;

    public CountersUnavailableException(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
