package dev.metricgate.enforcement.domain;

import java.util.List;

/**
 * The answer of the counters to one check.
 *
 * @param deniedIndex the index in the checks of the limit that denied (the one that frees up last),
 *     or -1
 * @param retryAfterMillis when the denying limit would allow the same cost again, 0 when allowed
 * @param states one per check, in the same order
 */
public record ChargeResult(Verdict verdict, int deniedIndex, long retryAfterMillis, List<CheckState> states) {

    public ChargeResult {
        states = List.copyOf(states);
    }
}
