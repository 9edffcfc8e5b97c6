package dev.metricgate.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One enforcement decision, produced by enforcement-service and counted exactly once by
 * usage-service.
 *
 * @param eventId unique per decision; the idempotency key of the usage store
 * @param occurredAt when the decision was made
 * @param tenantId the tenant owning the API key
 * @param apiKeyId the key that was checked
 * @param route the route checked, {@code *} when none was given
 * @param cost cost units requested
 * @param outcome allowed, denied, or denied in shadow mode (allowed through, recorded as a denial)
 * @param deniedPolicy {@code rate}, {@code route} or {@code quota} when not allowed, else {@code null}
 * @param deniedTenantId the tenant in the chain whose limit denied, else {@code null}
 * @param deniedLevel that tenant's level in the hierarchy (1 = root), else {@code null}
 * @param chain the tenants the decision was charged to: the key's tenant and its ancestors when the
 *     decision was made, root first. A subtree's usage is what was charged to it, even after a move
 *     (ADR 0019). Empty in events of versions before it: usage-service then takes the chain it knows.
 */
public record UsageEvent(
        UUID eventId,
        Instant occurredAt,
        UUID tenantId,
        UUID apiKeyId,
        String route,
        int cost,
        Outcome outcome,
        String deniedPolicy,
        UUID deniedTenantId,
        Integer deniedLevel,
        List<UUID> chain) {

    public UsageEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(outcome, "outcome");
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    /** This decision with its outcome and, when not allowed, the limit that denied it. */
    public UsageEvent withOutcome(Outcome outcome, String deniedPolicy, UUID deniedTenantId, Integer deniedLevel) {
        return new UsageEvent(
                eventId,
                occurredAt,
                tenantId,
                apiKeyId,
                route,
                cost,
                outcome,
                deniedPolicy,
                deniedTenantId,
                deniedLevel,
                chain);
    }

    public enum Outcome {
        ALLOWED,
        DENIED,
        SHADOW_DENIED
    }
}
