package dev.metricgate.enforcement.application;

import dev.metricgate.contracts.KeyResolution;
import dev.metricgate.contracts.billing.BillingPeriod;
import dev.metricgate.enforcement.domain.FailureMode;
import dev.metricgate.enforcement.domain.KeyGrant;
import dev.metricgate.enforcement.domain.KeyStatus;
import dev.metricgate.enforcement.domain.RouteRate;
import dev.metricgate.enforcement.domain.TenantLimits;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns plans-service's wire answer into the domain's view of a key. */
final class KeyGrants {

    private KeyGrants() {}

    static KeyGrant from(KeyResolution resolution) {
        List<TenantLimits> chain =
                resolution.chain().stream().map(KeyGrants::tenant).toList();
        return new KeyGrant(
                resolution.keyId(),
                resolution.tenantId(),
                KeyStatus.parse(resolution.status()),
                resolution.expiresAt(),
                resolution.graceEndsAt(),
                chain);
    }

    private static TenantLimits tenant(KeyResolution.TenantLevel level) {
        KeyResolution.EffectiveLimits limits = level.limits();
        RouteRate rate = null;
        Map<String, RouteRate> routes = new HashMap<>();
        Long quota = null;
        FailureMode mode = FailureMode.FAIL_SOFT;
        boolean shadow = false;
        if (limits != null) {
            if (limits.requestsPerSecond() != null && limits.burst() != null) {
                rate = new RouteRate(limits.requestsPerSecond(), limits.burst());
            }
            for (KeyResolution.RouteLimit route : limits.routeLimits()) {
                routes.put(route.route(), new RouteRate(route.requestsPerSecond(), route.burst()));
            }
            quota = limits.monthlyQuota();
            mode = FailureMode.parse(limits.failureMode());
            shadow = limits.shadow();
        }
        return new TenantLimits(
                level.tenantId(),
                level.level(),
                "ACTIVE".equals(level.status()),
                zone(level.timeZone()),
                BillingPeriod.anchorDay(level.billingAnchorDay()),
                rate,
                quota,
                routes,
                mode,
                shadow);
    }

    private static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        return ZoneId.of(id);
    }
}
