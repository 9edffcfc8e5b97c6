package dev.metricgate.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant crossed a share of its billing-period quota; published once per threshold per period.
 *
 * @param thresholdPercent 80 or 100
 * @param used cost units consumed in the period when the threshold was crossed (subtree included)
 */
public record QuotaAlertEvent(
        UUID eventId,
        UUID tenantId,
        int thresholdPercent,
        Instant periodStart,
        Instant periodEnd,
        long quota,
        long used,
        Instant occurredAt) {

    public QuotaAlertEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
    }
}
