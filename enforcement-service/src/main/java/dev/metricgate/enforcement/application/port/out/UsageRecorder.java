package dev.metricgate.enforcement.application.port.out;

import dev.metricgate.contracts.UsageEvent;

/**
 * Meters a decision made without the charge script (a failure mode, a plan without limits): returns
 * once the event is durable in Kafka, or after a bounded wait with the event held for a later send
 * (Kafka unreachable too). Never throws.
 */
public interface UsageRecorder {

    void record(UsageEvent event);
}
