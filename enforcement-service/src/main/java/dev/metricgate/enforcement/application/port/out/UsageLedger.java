package dev.metricgate.enforcement.application.port.out;

import dev.metricgate.contracts.billing.BillingPeriod;
import java.util.UUID;

/** usage-service's record of what was charged: the system of record for quotas (ADR 0019). */
public interface UsageLedger {

    /**
     * The cost units charged to the subtree of {@code tenantId} in {@code period}, as recorded.
     *
     * @throws CountersUnreachableException when usage-service does not answer
     */
    long chargedCost(UUID tenantId, BillingPeriod period);
}
