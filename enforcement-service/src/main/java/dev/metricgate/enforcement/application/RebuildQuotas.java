package dev.metricgate.enforcement.application;

import dev.metricgate.enforcement.application.port.out.LimitStore;
import dev.metricgate.enforcement.application.port.out.LimitStore.QuotaSeed;
import dev.metricgate.enforcement.application.port.out.UsageLedger;
import dev.metricgate.enforcement.domain.KeyGrant;
import dev.metricgate.enforcement.domain.LimitCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * Quota counters Redis lost (a flushed or new Redis) come back from usage-service's record before
 * the tenant is admitted again (ADR 0019). What usage-service has not recorded yet at that moment
 * (its ingest lag, and decisions still in the lost Redis's usage stream) is what may be admitted
 * beyond the quota. Checks of one tenant that all find its counter lost at once share one question
 * to usage-service; seeding is once per tenant in Redis anyway.
 */
public final class RebuildQuotas {

    private final UsageLedger ledger;
    private final LimitStore limits;
    private final SingleFlight<String, Long> asking = new SingleFlight<>();

    public RebuildQuotas(UsageLedger ledger, LimitStore limits) {
        this.ledger = ledger;
        this.limits = limits;
    }

    public void rebuild(KeyGrant grant, List<LimitCheck> lost) {
        List<QuotaSeed> seeds = new ArrayList<>(lost.size());
        for (LimitCheck check : lost) {
            seeds.add(new QuotaSeed(check, charged(check)));
        }
        limits.seed(grant, seeds);
    }

    /** What usage-service recorded for the check's tenant and period, asked once however many wait. */
    private long charged(LimitCheck check) {
        return asking.get(
                check.tenant().tenantId() + "|" + check.period().id(),
                () -> ledger.chargedCost(check.tenant().tenantId(), check.period()));
    }
}
