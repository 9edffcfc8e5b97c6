package dev.metricgate.enforcement.domain;

import dev.metricgate.contracts.billing.BillingPeriod;

/**
 * One limit a check charges: a token bucket (rate or route) or a billing-period quota of one tenant
 * of the chain.
 *
 * @param bucket the bucket for {@link Policy#RATE} and {@link Policy#ROUTE}, else {@code null}
 * @param quota the period limit for {@link Policy#QUOTA}, else {@code null}
 * @param route the route of a {@link Policy#ROUTE} bucket, else {@code null}
 * @param period the billing period the quota counts in, else {@code null}
 */
public record LimitCheck(
        Policy policy, TenantLimits tenant, RouteRate bucket, Long quota, String route, BillingPeriod period) {

    public static LimitCheck rate(TenantLimits tenant) {
        return new LimitCheck(Policy.RATE, tenant, tenant.rate(), null, null, null);
    }

    public static LimitCheck route(TenantLimits tenant, String route, RouteRate bucket) {
        return new LimitCheck(Policy.ROUTE, tenant, bucket, null, route, null);
    }

    public static LimitCheck quota(TenantLimits tenant, BillingPeriod period) {
        return new LimitCheck(Policy.QUOTA, tenant, null, tenant.monthlyQuota(), null, period);
    }

    public boolean isBucket() {
        return bucket != null;
    }

    public long limit() {
        return isBucket() ? bucket.burst() : quota;
    }

    public long windowSeconds() {
        return isBucket() ? bucket.windowSeconds() : period.lengthSeconds();
    }

    public boolean shadow() {
        return tenant.shadow();
    }
}
