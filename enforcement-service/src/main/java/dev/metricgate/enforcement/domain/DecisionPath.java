package dev.metricgate.enforcement.domain;

/** Which counters made a decision. */
public enum DecisionPath {
    /** The shared counters in Redis: exact across instances. */
    SHARED,
    /** Local per-instance buckets while Redis was unreachable. */
    FAIL_SOFT,
    /** Nothing: allowed because Redis was unreachable and the plan says so. */
    FAIL_OPEN
}
