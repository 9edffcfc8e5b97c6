package dev.metricgate.enforcement.application.port.out;

import dev.metricgate.enforcement.domain.ChargeResult;
import dev.metricgate.enforcement.domain.KeyGrant;
import dev.metricgate.enforcement.domain.LimitCheck;
import java.util.List;

/** The shared counters: charges every limit of a check atomically, in one round trip. */
public interface LimitStore {

    /**
     * Charges {@code cost} against every check if all of them allow it, else against none.
     *
     * @throws CountersUnreachableException when the counters cannot be reached (fail fast)
     */
    ChargeResult charge(KeyGrant grant, List<LimitCheck> checks, int cost);
}
