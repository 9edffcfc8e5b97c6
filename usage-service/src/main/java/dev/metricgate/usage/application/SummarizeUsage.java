package dev.metricgate.usage.application;

import dev.metricgate.contracts.billing.BillingPeriod;
import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.application.port.out.UsageReports;
import dev.metricgate.usage.domain.Caller;
import dev.metricgate.usage.domain.Tenant;
import dev.metricgate.usage.domain.TimeRange;
import dev.metricgate.usage.domain.UsageSummary;
import java.time.Clock;
import java.util.UUID;

/** Usage of a tenant's subtree in its current or previous billing period, against its quota. */
public class SummarizeUsage {

    private final TenantAccess access;
    private final UsageReports reports;
    private final Transactions transactions;
    private final Clock clock;

    public SummarizeUsage(TenantAccess access, UsageReports reports, Transactions transactions, Clock clock) {
        this.access = access;
        this.reports = reports;
        this.transactions = transactions;
        this.clock = clock;
    }

    public UsageSummary summarize(Caller caller, UUID tenantId, Period period) {
        return transactions.readOnly(() -> {
            Tenant tenant = access.readable(caller, tenantId);
            BillingPeriod current = tenant.periodContaining(clock.instant());
            BillingPeriod billing = period == Period.PREVIOUS ? current.previous() : current;
            var counts = reports.totals(tenantId, true, new TimeRange(billing.start(), billing.end()));
            return UsageSummary.of(tenantId, billing, tenant.monthlyQuota(), counts);
        });
    }

    public enum Period {
        CURRENT,
        PREVIOUS
    }
}
