package dev.metricgate.usage.domain;

import java.time.Instant;
import java.util.Objects;

/** A half-open span of time {@code [from, to)}. */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}
