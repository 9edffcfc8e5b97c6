package dev.metricgate.plans.application;

import dev.metricgate.contracts.PlanChangeEvent.ApiKeyRef;
import dev.metricgate.contracts.PlanChangeEvent.ChangeType;
import dev.metricgate.plans.application.port.out.ApiKeyRepository;
import dev.metricgate.plans.application.port.out.AuditLog;
import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.TenantRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.ApiKey;
import dev.metricgate.plans.domain.ConflictException;
import dev.metricgate.plans.domain.Hierarchy;
import dev.metricgate.plans.domain.PlanCatalog;
import dev.metricgate.plans.domain.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Soft delete: refused while live children exist; revokes every key of the tenant. */
public final class DeleteTenant {

    private final Transactions tx;
    private final TenantRepository tenants;
    private final PlanRepository plans;
    private final ApiKeyRepository keys;
    private final TenantAccess access;
    private final AuditLog audit;
    private final ChangeEvents events;
    private final Clock clock;

    public DeleteTenant(
            Transactions tx,
            TenantRepository tenants,
            PlanRepository plans,
            ApiKeyRepository keys,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        this.tx = tx;
        this.tenants = tenants;
        this.plans = plans;
        this.keys = keys;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public void handle(UUID tenantId, Caller caller) {
        tx.write(() -> {
            Instant now = clock.instant();
            Hierarchy hierarchy = access.manageableTree(caller, tenantId);
            TenantAccess.requireNotOwnTopTenant(caller, tenantId, "delete");
            Tenant tenant = hierarchy.get(tenantId);
            tenant.requireNotDeleted();
            if (!hierarchy.liveChildren(tenantId).isEmpty()) {
                throw new ConflictException(
                        "tenant.has_children", "Tenant " + tenantId + " still has live children; delete them first.");
            }
            tenant.markDeleted(now);
            List<ApiKeyRef> revoked = new ArrayList<>();
            for (ApiKey key : keys.byTenant(tenantId)) {
                if (key.revoke(now)) {
                    keys.save(key);
                    revoked.add(ChangeEvents.ref(key, now));
                }
            }
            tenants.save(tenant);
            PlanCatalog catalog = new PlanCatalog(plans.findAll());
            audit.append(new AuditEntry(
                    now,
                    caller.subject(),
                    "tenant.deleted",
                    "tenant",
                    tenantId,
                    tenantId,
                    "revokedKeys=" + revoked.size()));
            events.record(
                    ChangeType.TENANT_DELETED,
                    now,
                    tenantId,
                    tenant.planId(),
                    ChangeEvents.snapshots(hierarchy, catalog, List.of(tenant)),
                    revoked);
            return null;
        });
    }
}
