package dev.metricgate.enforcement.domain;

/** What a check does while the shared counters (Redis) cannot be reached. */
public enum FailureMode {
    /** Decide with local per-instance buckets holding a conservative share of the limit. */
    FAIL_SOFT,
    /** Allow everything until the counters are back. */
    FAIL_OPEN,
    /** Refuse with 503 until the counters are back. */
    FAIL_CLOSED;

    public static FailureMode parse(String value) {
        if (value == null || value.isBlank()) {
            return FAIL_SOFT;
        }
        return valueOf(value);
    }
}
