package dev.metricgate.enforcement.domain;

/**
 * The most restrictive limit of one policy across the chain, as reported to the caller.
 *
 * @param resetSeconds until the bucket is full again or the period ends
 * @param windowSeconds the window the limit is defined over (RateLimit-Policy {@code w})
 * @param refillPerSecond a bucket's refill rate, 0 for a quota
 */
public record PolicyStatus(
        Policy policy, long limit, long remaining, long resetSeconds, long windowSeconds, long refillPerSecond) {}
