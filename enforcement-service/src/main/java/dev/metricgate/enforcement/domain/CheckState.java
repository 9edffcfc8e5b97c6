package dev.metricgate.enforcement.domain;

/**
 * What one limit looks like after a decision.
 *
 * @param remaining whole units left (tokens in the bucket, cost units left in the period)
 * @param resetMillis until the bucket is full again or the period ends
 */
public record CheckState(long remaining, long resetMillis) {}
