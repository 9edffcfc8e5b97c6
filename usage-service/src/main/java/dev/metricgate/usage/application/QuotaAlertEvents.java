package dev.metricgate.usage.application;

import dev.metricgate.contracts.QuotaAlertEvent;
import dev.metricgate.usage.domain.QuotaAlert;

/** A quota alert as the contract document: what {@code metricgate.quota-alerts.v1} carries and the reports API lists. */
public final class QuotaAlertEvents {

    private QuotaAlertEvents() {}

    public static QuotaAlertEvent of(QuotaAlert alert) {
        return new QuotaAlertEvent(
                alert.id(),
                alert.tenantId(),
                alert.threshold().percent(),
                alert.periodStart(),
                alert.periodEnd(),
                alert.quota(),
                alert.used(),
                alert.occurredAt());
    }
}
