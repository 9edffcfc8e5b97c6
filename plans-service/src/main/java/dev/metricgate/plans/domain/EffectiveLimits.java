package dev.metricgate.plans.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Limits with inheritance resolved; a {@code null} limit means unlimited. */
public record EffectiveLimits(
        RateLimit rateLimit, Long monthlyQuota, List<RouteLimit> routeLimits, FailureMode failureMode, boolean shadow) {

    /** What a tenant without any plan in its chain gets. */
    public static final EffectiveLimits UNLIMITED =
            new EffectiveLimits(null, null, List.of(), FailureMode.FAIL_SOFT, false);

    public EffectiveLimits {
        routeLimits = routeLimits == null ? List.of() : List.copyOf(routeLimits);
    }

    /** The fields in which these limits are higher than {@code ceiling}; empty when within it. */
    public List<String> exceededFields(EffectiveLimits ceiling) {
        List<String> exceeded = new ArrayList<>();
        if (ceiling.rateLimit != null && (rateLimit == null || rateLimit.exceeds(ceiling.rateLimit))) {
            exceeded.add("rateLimit");
        }
        if (ceiling.monthlyQuota != null && (monthlyQuota == null || monthlyQuota > ceiling.monthlyQuota)) {
            exceeded.add("monthlyQuota");
        }
        for (RouteLimit limit : ceiling.routeLimits) {
            Optional<RouteLimit> own = routeLimit(limit.route());
            if (own.isPresent() && own.get().exceeds(limit)) {
                exceeded.add("routeLimits[" + limit.route() + "]");
            }
        }
        return exceeded;
    }

    public Optional<RouteLimit> routeLimit(String route) {
        return routeLimits.stream().filter(r -> r.route().equals(route)).findFirst();
    }
}
