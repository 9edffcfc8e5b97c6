package dev.metricgate.enforcement.domain;

/** The result of charging all limits of a check at once. */
public enum Verdict {
    /** Every limit allowed; all were charged. */
    ALLOWED,
    /** A limit denied; nothing was charged anywhere. */
    DENIED,
    /** Only shadow limits denied: let through, recorded as "would have been denied". */
    SHADOW_DENIED
}
