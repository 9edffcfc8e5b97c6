package dev.metricgate.plans.application;

import dev.metricgate.plans.application.port.out.AuditLog;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.Hierarchy;
import dev.metricgate.plans.domain.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Audit entries of a tenant's subtree. Without a tenant: everything for a platform admin, the
 * caller's own subtree for anyone else.
 */
public final class ListAuditEvents {

    public record AuditQuery(UUID tenantId, Instant from, Instant to, int page, int size) {}

    private final Transactions tx;
    private final AuditLog audit;
    private final TenantAccess access;

    public ListAuditEvents(Transactions tx, AuditLog audit, TenantAccess access) {
        this.tx = tx;
        this.audit = audit;
        this.access = access;
    }

    public Page<AuditEntry> handle(AuditQuery query, Caller caller) {
        return tx.read(() -> {
            UUID scope = query.tenantId();
            if (scope == null && caller.platformAdmin()) {
                return audit.find(null, query.from(), query.to(), query.page(), query.size());
            }
            if (scope == null) {
                scope = caller.tenantId();
            }
            if (scope == null) {
                return new Page<>(List.of(), query.page(), query.size(), 0);
            }
            Hierarchy hierarchy = access.visibleTree(caller, scope);
            List<UUID> ids = hierarchy.subtree(scope).stream().map(Tenant::id).toList();
            return audit.find(ids, query.from(), query.to(), query.page(), query.size());
        });
    }
}
