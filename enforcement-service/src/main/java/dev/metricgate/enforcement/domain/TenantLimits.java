package dev.metricgate.enforcement.domain;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * One tenant of a key's chain with its effective limits ({@code null} = unlimited).
 *
 * @param level 1 for the root tenant
 * @param routes route buckets by exact route, e.g. {@code POST /v1/orders}
 */
public record TenantLimits(
        UUID tenantId,
        int level,
        boolean active,
        ZoneId timeZone,
        int billingAnchorDay,
        RouteRate rate,
        Long monthlyQuota,
        Map<String, RouteRate> routes,
        FailureMode failureMode,
        boolean shadow) {

    public TenantLimits {
        routes = Map.copyOf(routes);
    }

    public RouteRate routeRate(String route) {
        return routes.get(route);
    }
}
