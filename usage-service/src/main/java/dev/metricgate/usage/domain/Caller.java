package dev.metricgate.usage.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Who asks: platform admins see everything; tenant admins and viewers only the subtree rooted at
 * their own tenant.
 */
public record Caller(Set<String> roles, UUID tenantId) {

    public static final String PLATFORM_ADMIN = "platform-admin";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isPlatformAdmin() {
        return roles.contains(PLATFORM_ADMIN);
    }
}
