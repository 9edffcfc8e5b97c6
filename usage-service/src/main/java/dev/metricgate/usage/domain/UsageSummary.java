package dev.metricgate.usage.domain;

import dev.metricgate.contracts.billing.BillingPeriod;
import java.util.UUID;

/**
 * Usage of a tenant and its subtree in one billing period.
 *
 * @param quota {@code null} when unlimited
 * @param remaining {@code null} when unlimited, never negative
 */
public record UsageSummary(
        UUID tenantId, BillingPeriod period, Long quota, long used, Long remaining, UsageCounts counts) {

    public static UsageSummary of(UUID tenantId, BillingPeriod period, Long quota, UsageCounts counts) {
        Long remaining = quota == null ? null : Math.max(0, quota - counts.cost());
        return new UsageSummary(tenantId, period, quota, counts.cost(), remaining, counts);
    }
}
