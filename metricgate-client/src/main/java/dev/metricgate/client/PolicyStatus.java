package dev.metricgate.client;

/**
 * Where one policy of the chain stands after an allowed check.
 *
 * @param name {@code rate}, {@code route} or {@code quota}
 * @param limit the bucket's capacity or the period's quota
 * @param remaining what is left after this call
 * @param resetSeconds until the bucket is full again or the billing period ends
 */
public record PolicyStatus(String name, long limit, long remaining, long resetSeconds) {}
