package dev.metricgate.usage.application.port.out;

import dev.metricgate.usage.domain.QuotaAlert;

/** Announces quota alerts to other services; returns once the broker acknowledged. */
public interface QuotaAlertPublisher {

    void publish(QuotaAlert alert);
}
