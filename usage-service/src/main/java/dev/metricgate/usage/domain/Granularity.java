package dev.metricgate.usage.domain;

import java.time.Duration;

/** Bucket size of a time series; buckets are aligned in UTC. */
public enum Granularity {
    MINUTE(Duration.ofMinutes(1)),
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final Duration size;

    Granularity(Duration size) {
        this.size = size;
    }

    public Duration size() {
        return size;
    }
}
