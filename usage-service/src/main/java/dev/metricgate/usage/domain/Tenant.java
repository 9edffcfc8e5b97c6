package dev.metricgate.usage.domain;

import dev.metricgate.contracts.billing.BillingPeriod;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * The local copy of a plans-service tenant: what reports need to aggregate a subtree and to find
 * its billing period.
 *
 * @param monthlyQuota effective quota in cost units per billing period, {@code null} = unlimited
 * @param asOf when plans-service committed the state this copy reflects
 */
public record Tenant(
        UUID id,
        String name,
        String kind,
        UUID parentId,
        int level,
        String status,
        ZoneId timeZone,
        int billingAnchorDay,
        Long monthlyQuota,
        Instant asOf) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asOf, "asOf");
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        billingAnchorDay = BillingPeriod.anchorDay(billingAnchorDay);
    }

    public BillingPeriod periodContaining(Instant instant) {
        return BillingPeriod.containing(instant, timeZone, billingAnchorDay);
    }
}
