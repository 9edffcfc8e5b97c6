package dev.metricgate.usage.domain;

import java.util.UUID;

/**
 * The caller may not read this tenant: it lies outside the caller's subtree. Unknown tenants get
 * the same answer for non-platform callers, so existence is never revealed across tenants.
 */
public class TenantAccessDeniedException extends RuntimeException {

    public TenantAccessDeniedException(UUID tenantId) {
        super("tenant " + tenantId + " is outside the caller's subtree");
    }
}
