package dev.metricgate.usage.domain;

import java.util.UUID;

/** No tenant with this id is known to usage-service, or it lies outside the caller's subtree. */
public class TenantNotFoundException extends RuntimeException {

    private final UUID tenantId;

    public TenantNotFoundException(UUID tenantId) {
        super("tenant " + tenantId + " is unknown or not visible");
        this.tenantId = tenantId;
    }

    public UUID tenantId() {
        return tenantId;
    }
}
