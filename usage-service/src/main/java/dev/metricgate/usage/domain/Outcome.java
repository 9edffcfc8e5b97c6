package dev.metricgate.usage.domain;

/** What enforcement decided; a shadow denial was let through but would have been denied. */
public enum Outcome {
    ALLOWED,
    DENIED,
    SHADOW_DENIED;

    /** Whether the request was served, and so consumed quota. */
    public boolean served() {
        return this != DENIED;
    }
}
