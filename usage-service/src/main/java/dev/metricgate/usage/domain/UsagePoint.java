package dev.metricgate.usage.domain;

import java.time.Instant;

/**
 * One bucket of a time series.
 *
 * @param group the API key id, route or tenant id of the group, {@code null} when not grouped
 */
public record UsagePoint(Instant bucket, String group, UsageCounts counts) {}
