package dev.metricgate.plans.application;

import java.util.UUID;

/**
 * Who calls an admin use case, from the token: subject, tenant claim and realm roles.
 *
 * @param tenantId the {@code tenant_id} claim; {@code null} for a platform admin without one
 */
public record Caller(String subject, UUID tenantId, boolean platformAdmin, boolean tenantAdmin, boolean tenantViewer) {

    public boolean canManage() {
        return platformAdmin || tenantAdmin;
    }
}
