package dev.metricgate.usage.domain;

import dev.metricgate.contracts.QuotaAlertEvent;
import java.time.Instant;
import java.util.UUID;

/** A tenant's subtree reached a share of its period quota; announced once per threshold per period. */
public record QuotaAlert(
        UUID id,
        UUID tenantId,
        QuotaThreshold threshold,
        Instant periodStart,
        Instant periodEnd,
        long quota,
        long used,
        Instant occurredAt) {

    /** The alert as published on {@code metricgate.quota-alerts.v1}, and as the reports API lists it. */
    public QuotaAlertEvent event() {
        return new QuotaAlertEvent(id, tenantId, threshold.percent(), periodStart, periodEnd, quota, used, occurredAt);
    }
}
