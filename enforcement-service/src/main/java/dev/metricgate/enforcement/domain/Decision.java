package dev.metricgate.enforcement.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to one check.
 *
 * @param denied the limit that denied (also for a shadow denial), else {@code null}
 * @param retryAfterSeconds when retrying can succeed, 0 when allowed
 * @param policies per policy, the most restrictive limit of the chain
 */
public record Decision(
        Outcome outcome,
        DecisionPath path,
        KeyGrant grant,
        LimitCheck denied,
        long retryAfterSeconds,
        List<PolicyStatus> policies) {

    public Decision {
        policies = List.copyOf(policies);
    }

    public boolean allowed() {
        return outcome != Outcome.DENIED;
    }

    public static Decision of(KeyGrant grant, DecisionPath path, List<LimitCheck> checks, ChargeResult result) {
        Outcome outcome = switch (result.verdict()) {
            case ALLOWED -> Outcome.ALLOWED;
            case DENIED -> Outcome.DENIED;
            case SHADOW_DENIED -> Outcome.SHADOW_DENIED;
        };
        LimitCheck denied = result.deniedIndex() >= 0 ? checks.get(result.deniedIndex()) : null;
        long retryAfter = outcome == Outcome.DENIED ? Math.max(1, ceilSeconds(result.retryAfterMillis())) : 0;
        return new Decision(outcome, path, grant, denied, retryAfter, summarise(checks, result.states()));
    }

    /** Allowed without counting anything (fail-open). */
    public static Decision unmetered(KeyGrant grant) {
        return new Decision(Outcome.ALLOWED, DecisionPath.FAIL_OPEN, grant, null, 0, List.of());
    }

    private static List<PolicyStatus> summarise(List<LimitCheck> checks, List<CheckState> states) {
        List<PolicyStatus> summary = new ArrayList<>(3);
        for (Policy policy : Policy.values()) {
            PolicyStatus tightest = null;
            for (int i = 0; i < checks.size(); i++) {
                LimitCheck check = checks.get(i);
                if (check.policy() != policy) {
                    continue;
                }
                CheckState state = states.get(i);
                if (tightest == null || state.remaining() <= tightest.remaining()) {
                    tightest = new PolicyStatus(
                            policy,
                            check.limit(),
                            state.remaining(),
                            ceilSeconds(state.resetMillis()),
                            check.windowSeconds(),
                            check.isBucket() ? check.bucket().requestsPerSecond() : 0);
                }
            }
            if (tightest != null) {
                summary.add(tightest);
            }
        }
        return summary;
    }

    private static long ceilSeconds(long millis) {
        return Math.max(0, (millis + 999) / 1000);
    }
}
