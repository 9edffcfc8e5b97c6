package dev.metricgate.usage.domain;

import java.util.UUID;

/** No tenant with this id is known to usage-service. */
public class TenantNotFoundException extends RuntimeException {

    public TenantNotFoundException(UUID tenantId) {
        super("tenant " + tenantId + " is unknown");
    }
}
