package dev.metricgate.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A committed change in plans-service, published through the outbox.
 *
 * <p>It carries what consumers need to act without calling back: enforcement evicts the named key
 * hashes and the cache entries tagged with any tenant in {@code tenants}; usage-service keeps its
 * local copy of tenant names, hierarchy, billing calendars and effective quotas from
 * {@code tenants}.
 *
 * @param eventId unique per event; consumers deduplicate on it
 * @param type what happened
 * @param occurredAt commit time in plans-service
 * @param tenantId the tenant the change is about, or {@code null} for a plan not yet assigned
 * @param planId the plan the change is about, or {@code null}
 * @param tenants every tenant whose own data, chain or effective plan may differ after the change
 *     (the changed tenant and its whole subtree; for a plan change, every tenant it applies to), as
 *     they are after the change
 * @param apiKeys keys whose status changed
 * @param move for {@code TENANT_MOVED}, the moved tenant's root before and after the move, else
 *     {@code null} (and {@code null} in events of a plans-service that predates the field)
 */
public record PlanChangeEvent(
        UUID eventId,
        ChangeType type,
        Instant occurredAt,
        UUID tenantId,
        UUID planId,
        List<TenantSnapshot> tenants,
        List<ApiKeyRef> apiKeys,
        Move move) {

    public PlanChangeEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /** An event that names no roots: every change but a move. */
    public PlanChangeEvent(
            UUID eventId,
            ChangeType type,
            Instant occurredAt,
            UUID tenantId,
            UUID planId,
            List<TenantSnapshot> tenants,
            List<ApiKeyRef> apiKeys) {
        this(eventId, type, occurredAt, tenantId, planId, tenants, apiKeys, null);
    }

    public enum ChangeType {
        TENANT_CREATED,
        TENANT_UPDATED,
        TENANT_MOVED,
        TENANT_SUSPENDED,
        TENANT_RESUMED,
        TENANT_DELETED,
        PLAN_CREATED,
        PLAN_UPDATED,
        PLAN_DELETED,
        API_KEY_CREATED,
        API_KEY_ROTATED,
        API_KEY_REVOKED
    }

    /**
     * Where a moved tenant's tree hangs: enforcement keys its counters by root (one Redis Cluster
     * slot per tree), so a move into another tree moves the subtree's counters to the new root.
     *
     * @param fromRootId the root of the tenant's tree before the move (the tenant itself if it was a root)
     * @param toRootId the root after the move (the tenant itself if it became a root)
     */
    public record Move(UUID fromRootId, UUID toRootId) {}

    /** An API key named by its id and the hash enforcement caches it under; never the secret. */
    public record ApiKeyRef(UUID keyId, String keyHash, String status) {}

    /**
     * A tenant as consumers need it: identity, place in the hierarchy, status, billing calendar.
     *
     * @param level 1 for a root tenant
     * @param monthlyQuota the effective monthly quota in cost units, {@code null} when unlimited
     */
    public record TenantSnapshot(
            UUID id,
            String name,
            String kind,
            UUID parentId,
            int level,
            String status,
            String timeZone,
            int billingAnchorDay,
            Long monthlyQuota) {}
}
