package dev.metricgate.plans.application;

import dev.metricgate.contracts.PlanChangeEvent;
import dev.metricgate.contracts.PlanChangeEvent.ApiKeyRef;
import dev.metricgate.contracts.PlanChangeEvent.ChangeType;
import dev.metricgate.contracts.PlanChangeEvent.TenantSnapshot;
import dev.metricgate.plans.application.port.out.ChangeEventOutbox;
import dev.metricgate.plans.domain.ApiKey;
import dev.metricgate.plans.domain.Hierarchy;
import dev.metricgate.plans.domain.PlanCatalog;
import dev.metricgate.plans.domain.Tenant;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Builds the change event of a use case and puts it in the outbox, keyed by tenant (or plan). */
public final class ChangeEvents {

    private final ChangeEventOutbox outbox;

    public ChangeEvents(ChangeEventOutbox outbox) {
        this.outbox = outbox;
    }

    public void record(
            ChangeType type,
            Instant now,
            UUID tenantId,
            UUID planId,
            List<TenantSnapshot> tenants,
            List<ApiKeyRef> apiKeys) {
        record(type, now, tenantId, planId, tenants, apiKeys, null);
    }

    public void record(
            ChangeType type,
            Instant now,
            UUID tenantId,
            UUID planId,
            List<TenantSnapshot> tenants,
            List<ApiKeyRef> apiKeys,
            PlanChangeEvent.Move move) {
        var event = new PlanChangeEvent(UUID.randomUUID(), type, now, tenantId, planId, tenants, apiKeys, move);
        outbox.append(String.valueOf(tenantId != null ? tenantId : planId), event);
    }

    public static List<TenantSnapshot> snapshots(Hierarchy hierarchy, PlanCatalog plans, Collection<Tenant> tenants) {
        return tenants.stream()
                .map(tenant -> new TenantSnapshot(
                        tenant.id(),
                        tenant.name(),
                        tenant.kind().name(),
                        tenant.parentId(),
                        hierarchy.level(tenant.id()),
                        tenant.status().name(),
                        tenant.timeZone(),
                        tenant.billingAnchorDay(),
                        hierarchy.effectiveLimits(tenant.id(), plans).monthlyQuota()))
                .toList();
    }

    public static ApiKeyRef ref(ApiKey key, Instant now) {
        return new ApiKeyRef(key.id(), key.keyHash(), key.statusAt(now).name());
    }
}
