package dev.metricgate.plans.application;

import dev.metricgate.plans.application.port.out.TenantRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.Tenant;
import java.util.List;
import java.util.UUID;

/**
 * Live children of a parent. Without a parent: the root tenants for a platform admin, the caller's
 * own tenant for anyone else (the top of what it may see).
 */
public final class ListTenants {

    private final Transactions tx;
    private final TenantRepository tenants;
    private final TenantAccess access;

    public ListTenants(Transactions tx, TenantRepository tenants, TenantAccess access) {
        this.tx = tx;
        this.tenants = tenants;
        this.access = access;
    }

    public Page<Tenant> handle(UUID parentId, int page, int size, Caller caller) {
        return tx.read(() -> {
            if (parentId != null) {
                access.visibleTree(caller, parentId);
                return tenants.children(parentId, page, size);
            }
            if (caller.platformAdmin()) {
                return tenants.children(null, page, size);
            }
            List<Tenant> own = caller.tenantId() == null
                    ? List.of()
                    : tenants.find(caller.tenantId()).filter(Tenant::isLive).stream()
                            .toList();
            return new Page<>(page == 0 ? own : List.of(), page, size, own.size());
        });
    }
}
