package dev.metricgate.enforcement.adapter.out.redis;

import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.enforcement.domain.LimitCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A decision's usage record as the charge script writes it to the usage stream (ADR 0018): the
 * usage event as if allowed, and every limit the decision was checked against, so the relay can
 * name the one that denied from the script's verdict and denied index.
 */
record StreamedUsage(UsageEvent allowed, List<Limit> limits) {

    /** One checked limit: who may have denied, and by which policy. */
    record Limit(String policy, UUID tenantId, int level) {}

    static StreamedUsage of(UsageEvent allowed, List<LimitCheck> checks) {
        List<Limit> limits = new ArrayList<>(checks.size());
        for (LimitCheck check : checks) {
            limits.add(new Limit(
                    check.policy().wireName(),
                    check.tenant().tenantId(),
                    check.tenant().level()));
        }
        return new StreamedUsage(allowed, limits);
    }

    /**
     * The usage event of the decision the script made.
     *
     * @param verdict the script's verdict: 0 allowed, 1 denied, 2 allowed with a shadow denial
     * @param deniedIndex the 1-based index of the denying limit, 0 for none
     */
    UsageEvent decided(int verdict, int deniedIndex) {
        Limit denied = deniedIndex > 0 ? limits.get(deniedIndex - 1) : null;
        UsageEvent.Outcome outcome = switch (verdict) {
            case 0 -> UsageEvent.Outcome.ALLOWED;
            case 1 -> UsageEvent.Outcome.DENIED;
            default -> UsageEvent.Outcome.SHADOW_DENIED;
        };
        return new UsageEvent(
                allowed.eventId(),
                allowed.occurredAt(),
                allowed.tenantId(),
                allowed.apiKeyId(),
                allowed.route(),
                allowed.cost(),
                outcome,
                denied == null ? null : denied.policy(),
                denied == null ? null : denied.tenantId(),
                denied == null ? null : denied.level());
    }
}
