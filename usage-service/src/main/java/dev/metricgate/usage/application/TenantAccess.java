package dev.metricgate.usage.application;

import dev.metricgate.usage.application.port.out.TenantDirectory;
import dev.metricgate.usage.domain.Caller;
import dev.metricgate.usage.domain.Tenant;
import dev.metricgate.usage.domain.TenantAccessDeniedException;
import dev.metricgate.usage.domain.TenantNotFoundException;
import java.util.List;
import java.util.UUID;

/**
 * The subtree rule shared with plans-service: platform admins read any tenant (404 when unknown);
 * everyone else reads only the subtree rooted at their own tenant, and gets 403 for anything
 * else, known or not.
 */
public class TenantAccess {

    private final TenantDirectory directory;

    public TenantAccess(TenantDirectory directory) {
        this.directory = directory;
    }

    public Tenant readable(Caller caller, UUID tenantId) {
        if (caller.isPlatformAdmin()) {
            return directory.find(tenantId).orElseThrow(() -> new TenantNotFoundException(tenantId));
        }
        List<UUID> chain = directory.chain(tenantId);
        if (caller.tenantId() == null || !chain.contains(caller.tenantId())) {
            throw new TenantAccessDeniedException(tenantId);
        }
        return directory.find(tenantId).orElseThrow(() -> new TenantAccessDeniedException(tenantId));
    }
}
