package dev.metricgate.enforcement.application;

import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.enforcement.application.port.out.CountersUnreachableException;
import dev.metricgate.enforcement.application.port.out.EnforcementMetrics;
import dev.metricgate.enforcement.application.port.out.LimitStore;
import dev.metricgate.enforcement.application.port.out.QuotasLostException;
import dev.metricgate.enforcement.application.port.out.UsageRecorder;
import dev.metricgate.enforcement.domain.ChargeResult;
import dev.metricgate.enforcement.domain.CheckPlan;
import dev.metricgate.enforcement.domain.CheckState;
import dev.metricgate.enforcement.domain.CountersUnavailableException;
import dev.metricgate.enforcement.domain.Decision;
import dev.metricgate.enforcement.domain.DecisionPath;
import dev.metricgate.enforcement.domain.FailureMode;
import dev.metricgate.enforcement.domain.InvalidApiKeyException;
import dev.metricgate.enforcement.domain.KeyGrant;
import dev.metricgate.enforcement.domain.LimitCheck;
import dev.metricgate.enforcement.domain.TenantLimits;
import dev.metricgate.enforcement.domain.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The hot path: resolve the key, charge every limit of its tenant chain in one atomic round trip
 * (or decide by the plan's failure mode when the counters are unreachable), and record usage.
 */
public final class CheckAccess {

    private final ResolveApiKey resolveApiKey;
    private final LimitStore limits;
    private final RebuildQuotas rebuildQuotas;
    private final LocalFallback fallback;
    private final UsageRecorder usage;
    private final EnforcementMetrics metrics;
    private final Clock clock;
    private final Supplier<UUID> eventIds;

    public CheckAccess(
            ResolveApiKey resolveApiKey,
            LimitStore limits,
            RebuildQuotas rebuildQuotas,
            LocalFallback fallback,
            UsageRecorder usage,
            EnforcementMetrics metrics,
            Clock clock,
            Supplier<UUID> eventIds) {
        this.resolveApiKey = resolveApiKey;
        this.limits = limits;
        this.rebuildQuotas = rebuildQuotas;
        this.fallback = fallback;
        this.usage = usage;
        this.metrics = metrics;
        this.clock = clock;
        this.eventIds = eventIds;
    }

    /**
     * @throws InvalidApiKeyException when the key cannot be used, whatever the reason
     * @throws CountersUnavailableException when no decision can be made (fail-closed plan)
     */
    public Decision check(CheckCommand command) {
        KeyGrant grant;
        Instant now = clock.instant();
        try {
            grant = resolveApiKey.resolve(command.apiKey());
            if (!grant.admits(now)) {
                throw new InvalidApiKeyException();
            }
        } catch (InvalidApiKeyException e) {
            metrics.rejected("unauthorized");
            throw e;
        } catch (CountersUnavailableException e) {
            metrics.rejected("unavailable");
            throw e;
        }
        List<LimitCheck> checks = CheckPlan.of(grant, command.route(), now);
        UsageEvent allowed = usageEvent(grant, command, now, eventIds.get());
        Decision decision = decide(grant, checks, command.cost(), now, allowed);
        metrics.decided(decision, command.protocol());
        if (decision.path() != DecisionPath.SHARED || checks.isEmpty()) {
            // the charge script metered every decision it made; the others are recorded here, with
            // the same event id, so a charge that answered too late is still counted once
            usage.record(withOutcome(allowed, decision));
        }
        return decision;
    }

    private Decision decide(KeyGrant grant, List<LimitCheck> checks, int cost, Instant now, UsageEvent allowed) {
        if (checks.isEmpty()) {
            return Decision.of(
                    grant,
                    DecisionPath.SHARED,
                    checks,
                    new ChargeResult(Verdict.ALLOWED, -1, 0, List.<CheckState>of()));
        }
        try {
            return Decision.of(grant, DecisionPath.SHARED, checks, charge(grant, checks, cost, allowed));
        } catch (CountersUnreachableException e) {
            FailureMode mode = grant.ownTenant().failureMode();
            metrics.fallback(mode);
            return switch (mode) {
                case FAIL_OPEN -> Decision.unmetered(grant);
                case FAIL_CLOSED -> {
                    metrics.rejected("unavailable");
                    throw new CountersUnavailableException("counters unreachable", 1);
                }
                case FAIL_SOFT -> {
                    List<LimitCheck> local = LocalFallback.decidable(checks);
                    yield Decision.of(
                            grant, DecisionPath.FAIL_SOFT, local, fallback.charge(local, cost, now.toEpochMilli()));
                }
            };
        }
    }

    /** Charges the shared counters, rebuilding lost quota counters from usage-service first. */
    private ChargeResult charge(KeyGrant grant, List<LimitCheck> checks, int cost, UsageEvent allowed) {
        try {
            return limits.charge(grant, checks, cost, allowed);
        } catch (QuotasLostException lost) {
            rebuildQuotas.rebuild(grant, lost.lost());
        }
        try {
            return limits.charge(grant, checks, cost, allowed);
        } catch (QuotasLostException lostAgain) {
            // lost again right after the rebuild (another flush): the plan's failure mode decides
            throw new CountersUnreachableException("quota counters lost while being rebuilt", lostAgain);
        }
    }

    private static UsageEvent usageEvent(KeyGrant grant, CheckCommand command, Instant now, UUID eventId) {
        return new UsageEvent(
                eventId,
                now,
                grant.tenantId(),
                grant.keyId(),
                command.route(),
                command.cost(),
                UsageEvent.Outcome.ALLOWED,
                null,
                null,
                null,
                grant.chain().stream().map(TenantLimits::tenantId).toList());
    }

    private static UsageEvent withOutcome(UsageEvent allowed, Decision decision) {
        LimitCheck denied = decision.denied();
        return allowed.withOutcome(
                switch (decision.outcome()) {
                    case ALLOWED -> UsageEvent.Outcome.ALLOWED;
                    case DENIED -> UsageEvent.Outcome.DENIED;
                    case SHADOW_DENIED -> UsageEvent.Outcome.SHADOW_DENIED;
                },
                denied == null ? null : denied.policy().wireName(),
                denied == null ? null : denied.tenant().tenantId(),
                denied == null ? null : denied.tenant().level());
    }
}
