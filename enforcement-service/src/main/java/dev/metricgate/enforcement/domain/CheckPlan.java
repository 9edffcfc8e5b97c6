package dev.metricgate.enforcement.domain;

import dev.metricgate.contracts.billing.BillingPeriod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Which limits a check of {@code route} charges: for every tenant of the chain, root first. */
public final class CheckPlan {

    private CheckPlan() {}

    public static List<LimitCheck> of(KeyGrant grant, String route, Instant now) {
        List<LimitCheck> checks = new ArrayList<>(grant.chain().size() * 3);
        for (TenantLimits tenant : grant.chain()) {
            if (tenant.rate() != null) {
                checks.add(LimitCheck.rate(tenant));
            }
            RouteRate routeRate = tenant.routeRate(route);
            if (routeRate != null) {
                checks.add(LimitCheck.route(tenant, route, routeRate));
            }
            if (tenant.monthlyQuota() != null) {
                checks.add(LimitCheck.quota(
                        tenant, BillingPeriod.containing(now, tenant.timeZone(), tenant.billingAnchorDay())));
            }
        }
        return checks;
    }
}
