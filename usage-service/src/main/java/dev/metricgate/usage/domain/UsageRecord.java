package dev.metricgate.usage.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One metered enforcement decision as usage-service stores it.
 *
 * @param apiKeyId {@code null} when the decision was not made for a known key
 * @param route the route checked, {@code *} when none was given
 */
public record UsageRecord(
        UUID eventId, Instant occurredAt, UUID tenantId, UUID apiKeyId, String route, int cost, Outcome outcome) {

    public static final int MAX_ROUTE_LENGTH = 256;
    public static final int MAX_COST = 1_000_000;

    public UsageRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(outcome, "outcome");
        route = route == null || route.isBlank() ? "*" : route;
        if (route.length() > MAX_ROUTE_LENGTH) {
            throw new InvalidUsageEventException("route longer than " + MAX_ROUTE_LENGTH + " characters");
        }
        if (cost < 0 || cost > MAX_COST) {
            throw new InvalidUsageEventException("cost out of range: " + cost);
        }
    }
}
