package dev.metricgate.usage.application;

import dev.metricgate.usage.application.port.out.TenantDirectory;
import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.domain.Tenant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the local tenant copy in step with plans-service. Idempotent twice over: an event id is
 * applied once, and an older snapshot never overwrites a newer one.
 */
public class ApplyPlanChange {

    public static final String SOURCE = "plan-changes";

    private final TenantDirectory directory;
    private final Transactions transactions;
    private final AlertCandidates alertCandidates;

    public ApplyPlanChange(TenantDirectory directory, Transactions transactions, AlertCandidates alertCandidates) {
        this.directory = directory;
        this.transactions = transactions;
        this.alertCandidates = alertCandidates;
    }

    /** Returns whether the event was new. */
    public boolean apply(UUID eventId, List<Tenant> tenants) {
        boolean applied = transactions.inTransaction(() -> {
            if (!directory.markProcessed(eventId, SOURCE)) {
                return false;
            }
            tenants.forEach(directory::apply);
            return true;
        });
        if (applied) {
            alertCandidates.add(tenants.stream().map(Tenant::id).toList());
        }
        return applied;
    }
}
