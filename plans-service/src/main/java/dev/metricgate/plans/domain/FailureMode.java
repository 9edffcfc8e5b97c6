package dev.metricgate.plans.domain;

/** What enforcement does while Redis is unavailable. */
public enum FailureMode {
    FAIL_SOFT,
    FAIL_OPEN,
    FAIL_CLOSED
}
