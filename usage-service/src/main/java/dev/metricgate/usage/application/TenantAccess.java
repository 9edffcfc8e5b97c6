package dev.metricgate.usage.application;

import dev.metricgate.usage.application.port.out.TenantDirectory;
import dev.metricgate.usage.domain.Caller;
import dev.metricgate.usage.domain.Tenant;
import dev.metricgate.usage.domain.TenantNotFoundException;
import java.util.List;
import java.util.UUID;

/**
 * The subtree rule shared with plans-service: platform admins read any tenant; everyone else reads
 * only the subtree rooted at their own tenant. A tenant outside the caller's subtree answers
 * exactly like one that does not exist (404), so no tenant's existence leaks across subtrees.
 */
public class TenantAccess {

    private final TenantDirectory directory;

    public TenantAccess(TenantDirectory directory) {
        this.directory = directory;
    }

    public Tenant readable(Caller caller, UUID tenantId) {
        if (!caller.isPlatformAdmin()) {
            List<UUID> chain = directory.chain(tenantId);
            if (caller.tenantId() == null || !chain.contains(caller.tenantId())) {
                throw new TenantNotFoundException(tenantId);
            }
        }
        return directory.find(tenantId).orElseThrow(() -> new TenantNotFoundException(tenantId));
    }
}
