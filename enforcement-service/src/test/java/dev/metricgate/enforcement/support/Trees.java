package dev.metricgate.enforcement.support;

import dev.metricgate.contracts.ApiKeyHash;
import dev.metricgate.contracts.KeyResolution;
import dev.metricgate.contracts.KeyResolution.EffectiveLimits;
import dev.metricgate.contracts.KeyResolution.RouteLimit;
import dev.metricgate.contracts.KeyResolution.TenantLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds tenant chains and keys the way plans-service would answer for them. */
public final class Trees {

    private Trees() {}

    public static EffectiveLimits limits(Integer rps, Integer burst, Long quota) {
        return new EffectiveLimits(rps, burst, quota, List.of(), "FAIL_SOFT", false);
    }

    public static EffectiveLimits limits(
            Integer rps, Integer burst, Long quota, List<RouteLimit> routes, String failureMode, boolean shadow) {
        return new EffectiveLimits(rps, burst, quota, routes, failureMode, shadow);
    }

    public static TenantLevel tenant(int level, EffectiveLimits limits) {
        return tenant(UUID.randomUUID(), level, "UTC", 1, limits);
    }

    public static TenantLevel tenant(UUID id, int level, String zone, int anchor, EffectiveLimits limits) {
        return new TenantLevel(id, level, "ACTIVE", zone, anchor, UUID.randomUUID(), limits);
    }

    public static TenantLevel suspended(TenantLevel tenant) {
        return new TenantLevel(
                tenant.tenantId(),
                tenant.level(),
                "SUSPENDED",
                tenant.timeZone(),
                tenant.billingAnchorDay(),
                tenant.planId(),
                tenant.limits());
    }

    /** A key with its resolution; register it with the stub to make it known. */
    public record Key(String plaintext, KeyResolution resolution) {

        public String hash() {
            return ApiKeyHash.of(plaintext);
        }

        public UUID keyId() {
            return resolution.keyId();
        }

        public Key withStatus(String status) {
            return new Key(
                    plaintext,
                    new KeyResolution(
                            resolution.keyId(),
                            resolution.tenantId(),
                            status,
                            resolution.expiresAt(),
                            resolution.graceEndsAt(),
                            resolution.chain()));
        }

        public Key withChain(List<TenantLevel> chain) {
            return new Key(
                    plaintext,
                    new KeyResolution(
                            resolution.keyId(),
                            chain.getLast().tenantId(),
                            resolution.status(),
                            resolution.expiresAt(),
                            resolution.graceEndsAt(),
                            chain));
        }

        public Key registered() {
            PlansServiceStub.get().put(hash(), resolution);
            return this;
        }
    }

    public static Key key(TenantLevel... chain) {
        return key(null, chain);
    }

    public static Key key(Instant expiresAt, TenantLevel... chain) {
        List<TenantLevel> levels = new ArrayList<>(List.of(chain));
        String plaintext = ApiKeyHash.PREFIX + UUID.randomUUID().toString().replace("-", "");
        return new Key(
                plaintext,
                new KeyResolution(UUID.randomUUID(), levels.getLast().tenantId(), "ACTIVE", expiresAt, null, levels));
    }
}
