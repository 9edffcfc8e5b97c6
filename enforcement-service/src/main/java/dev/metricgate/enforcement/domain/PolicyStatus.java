package dev.metricgate.enforcement.domain;

/**
 * The most restrictive limit of one policy across the chain, as reported to the caller.
 *
 * @param resetSeconds until the bucket is full again or the period ends
 * @param windowSeconds the window the limit is defined over (RateLimit-Policy {@code w})
 */
public record PolicyStatus(Policy policy, long limit, long remaining, long resetSeconds, long windowSeconds) {}
