package dev.metricgate.usage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One metered enforcement decision as usage-service stores it.
 *
 * @param apiKeyId {@code null} when the decision was not made for a known key
 * @param route the route checked, {@code *} when none was given
 * @param chain the tenants the decision was charged to, root first (ADR 0019); empty when the event
 *     did not say (then usage-service takes the chain it knows)
 */
public record UsageRecord(
        UUID eventId,
        Instant occurredAt,
        UUID tenantId,
        UUID apiKeyId,
        String route,
        int cost,
        Outcome outcome,
        List<UUID> chain) {

    public static final int MAX_ROUTE_LENGTH = 256;
    public static final int MAX_COST = 1_000_000;

    public UsageRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(outcome, "outcome");
        route = route == null || route.isBlank() ? "*" : route;
        chain = chain == null ? List.of() : List.copyOf(chain);
        if (route.length() > MAX_ROUTE_LENGTH) {
            throw new InvalidUsageEventException("route longer than " + MAX_ROUTE_LENGTH + " characters");
        }
        if (cost < 0 || cost > MAX_COST) {
            throw new InvalidUsageEventException("cost out of range: " + cost);
        }
    }

    /** This record charged to {@code chain}. */
    public UsageRecord withChain(List<UUID> chain) {
        return new UsageRecord(eventId, occurredAt, tenantId, apiKeyId, route, cost, outcome, chain);
    }
}
