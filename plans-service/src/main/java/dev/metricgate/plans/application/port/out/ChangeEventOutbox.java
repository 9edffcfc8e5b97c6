package dev.metricgate.plans.application.port.out;

import dev.metricgate.contracts.PlanChangeEvent;

/** Stores a change event in the same transaction as the change; a relay publishes it later. */
public interface ChangeEventOutbox {

    void append(String messageKey, PlanChangeEvent event);
}
