package dev.metricgate.enforcement.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a presented API key resolves to: its status and its tenant chain, root first and the key's
 * own tenant last.
 */
public record KeyGrant(
        UUID keyId, UUID tenantId, KeyStatus status, Instant expiresAt, Instant graceEndsAt, List<TenantLimits> chain) {

    public KeyGrant {
        chain = List.copyOf(chain);
    }

    /**
     * Whether the key may be used at {@code now}: active (or rotating within its grace period), not
     * expired, and every tenant of its chain active. Every reason to refuse looks the same outside.
     */
    public boolean admits(Instant now) {
        if (chain.isEmpty()) {
            return false;
        }
        boolean statusAdmits = switch (status) {
            case ACTIVE -> true;
            case ROTATING -> graceEndsAt == null || now.isBefore(graceEndsAt);
            case REVOKED, EXPIRED, UNKNOWN -> false;
        };
        if (!statusAdmits || (expiresAt != null && !now.isBefore(expiresAt))) {
            return false;
        }
        for (TenantLimits tenant : chain) {
            if (!tenant.active()) {
                return false;
            }
        }
        return true;
    }

    public TenantLimits ownTenant() {
        return chain.getLast();
    }

    public UUID rootTenantId() {
        return chain.getFirst().tenantId();
    }

    public boolean dependsOn(UUID tenant) {
        for (TenantLimits level : chain) {
            if (level.tenantId().equals(tenant)) {
                return true;
            }
        }
        return false;
    }
}
