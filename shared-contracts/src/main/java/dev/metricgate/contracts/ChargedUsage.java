package dev.metricgate.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * usage-service's answer to {@code GET /internal/v1/tenants/{id}/charged?from=&to=}: the cost units
 * charged to a tenant's subtree in a time range, as usage-service recorded them (allowed and
 * shadow-denied decisions whose chain held the tenant). enforcement-service rebuilds a quota counter
 * Redis lost from it (ADR 0019).
 */
public record ChargedUsage(UUID tenantId, Instant from, Instant to, long cost) {}
