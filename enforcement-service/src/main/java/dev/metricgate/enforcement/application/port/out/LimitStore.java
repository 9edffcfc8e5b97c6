package dev.metricgate.enforcement.application.port.out;

import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.enforcement.domain.ChargeResult;
import dev.metricgate.enforcement.domain.KeyGrant;
import dev.metricgate.enforcement.domain.LimitCheck;
import java.util.List;

/**
 * The shared counters: charges every limit of a check atomically, in one round trip, and meters the
 * decision in the same atomic step.
 */
public interface LimitStore {

    /**
     * Charges {@code cost} against every check if all of them allow it, else against none, and
     * records {@code usage} with the outcome and denying limit of that decision, to be published to
     * usage-service even if this process dies right after (ADR 0018).
     *
     * @param usage the decision's usage event as if it were allowed
     * @throws CountersUnreachableException when the counters cannot be reached (fail fast); the
     *     decision may still have been charged and metered if Redis answered too late
     * @throws QuotasLostException when quota counters must be rebuilt before deciding
     */
    ChargeResult charge(KeyGrant grant, List<LimitCheck> checks, int cost, UsageEvent usage);

    /**
     * Sets the lost quota counters of these tenants to what usage-service recorded, once per tenant:
     * a tenant another instance seeded meanwhile is left as it is.
     *
     * @throws CountersUnreachableException when the counters cannot be reached
     */
    void seed(KeyGrant grant, List<QuotaSeed> seeds);

    /** A quota check's counter and the cost units usage-service recorded for its period. */
    record QuotaSeed(LimitCheck check, long used) {}
}
