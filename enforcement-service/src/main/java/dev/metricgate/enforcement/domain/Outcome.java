package dev.metricgate.enforcement.domain;

/** How a decision ended for the caller. */
public enum Outcome {
    ALLOWED,
    DENIED,
    SHADOW_DENIED
}
