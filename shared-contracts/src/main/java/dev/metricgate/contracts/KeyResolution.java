package dev.metricgate.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * plans-service's answer to enforcement's cache miss, {@code GET /internal/v1/key-resolutions/{keyHash}}:
 * everything a check needs about one key, so the hot path never calls back.
 *
 * @param status {@code ACTIVE}, {@code ROTATING}, {@code REVOKED} or {@code EXPIRED}
 * @param expiresAt when the key stops being valid on its own, or {@code null}
 * @param graceEndsAt for a {@code ROTATING} key, when the grace period ends, else {@code null}
 * @param chain the key's tenant and its ancestors, root first (level 1) and the key's tenant last
 */
public record KeyResolution(
        UUID keyId, UUID tenantId, String status, Instant expiresAt, Instant graceEndsAt, List<TenantLevel> chain) {

    public KeyResolution {
        chain = chain == null ? List.of() : List.copyOf(chain);
    }

    /** One tenant of the chain with its effective limits. */
    public record TenantLevel(
            UUID tenantId,
            int level,
            String status,
            String timeZone,
            int billingAnchorDay,
            UUID planId,
            EffectiveLimits limits) {}

    /**
     * The limits enforcement applies, inheritance already resolved. A {@code null} limit means
     * unlimited; a tenant without any plan in its chain has only {@code null}s.
     *
     * @param failureMode {@code FAIL_SOFT}, {@code FAIL_OPEN} or {@code FAIL_CLOSED}
     */
    public record EffectiveLimits(
            Integer requestsPerSecond,
            Integer burst,
            Long monthlyQuota,
            List<RouteLimit> routeLimits,
            String failureMode,
            boolean shadow) {

        public EffectiveLimits {
            routeLimits = routeLimits == null ? List.of() : List.copyOf(routeLimits);
        }
    }

    /** A token bucket for one route, e.g. {@code POST /v1/orders}. */
    public record RouteLimit(String route, int requestsPerSecond, int burst) {}
}
