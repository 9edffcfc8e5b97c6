package dev.metricgate.usage.application;

import dev.metricgate.contracts.billing.BillingPeriod;
import dev.metricgate.usage.application.port.out.QuotaAlertStore;
import dev.metricgate.usage.application.port.out.TenantDirectory;
import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.application.port.out.UsageReports;
import dev.metricgate.usage.domain.QuotaAlert;
import dev.metricgate.usage.domain.QuotaThreshold;
import dev.metricgate.usage.domain.Tenant;
import dev.metricgate.usage.domain.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Raises an alert when a tenant's subtree usage reaches 80% or 100% of the tenant's period quota.
 * Usage of a customer counts towards every ancestor, so the ancestors of each changed tenant are
 * evaluated too. The alert store's uniqueness makes each alert once-only per period.
 */
public class EvaluateQuotaAlerts {

    private final AlertCandidates candidates;
    private final TenantDirectory directory;
    private final UsageReports reports;
    private final QuotaAlertStore alerts;
    private final Transactions transactions;
    private final Clock clock;

    public EvaluateQuotaAlerts(
            AlertCandidates candidates,
            TenantDirectory directory,
            UsageReports reports,
            QuotaAlertStore alerts,
            Transactions transactions,
            Clock clock) {
        this.candidates = candidates;
        this.directory = directory;
        this.reports = reports;
        this.alerts = alerts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Evaluates the tenants whose usage changed since the last run, and their ancestors. */
    public List<QuotaAlert> evaluateChanged() {
        List<UUID> changed = candidates.drain();
        if (changed.isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(() -> {
            Set<UUID> affected = new LinkedHashSet<>();
            changed.forEach(id -> affected.addAll(directory.chain(id)));
            List<QuotaAlert> raised = new ArrayList<>();
            for (UUID id : affected) {
                directory.find(id).ifPresent(tenant -> raised.addAll(evaluate(tenant)));
            }
            return raised;
        });
    }

    /** Evaluates every tenant with a quota; catches up after a restart. */
    public List<QuotaAlert> evaluateAll() {
        return transactions.inTransaction(() -> directory.withQuota().stream()
                .flatMap(tenant -> evaluate(tenant).stream())
                .toList());
    }

    private List<QuotaAlert> evaluate(Tenant tenant) {
        if (tenant.monthlyQuota() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        BillingPeriod period = tenant.periodContaining(now);
        long used = reports.totals(tenant.id(), true, new TimeRange(period.start(), period.end()))
                .cost();
        List<QuotaAlert> raised = new ArrayList<>();
        for (QuotaThreshold threshold : QuotaThreshold.reached(tenant.monthlyQuota(), used)) {
            var alert = new QuotaAlert(
                    UUID.randomUUID(),
                    tenant.id(),
                    threshold,
                    period.start(),
                    period.end(),
                    tenant.monthlyQuota(),
                    used,
                    now);
            if (alerts.recordIfNew(alert)) {
                raised.add(alert);
            }
        }
        return raised;
    }
}
