package dev.metricgate.usage.application;

import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.application.port.out.UsageReports;
import dev.metricgate.usage.domain.InvalidQueryException;
import dev.metricgate.usage.domain.TimeRange;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * For enforcement-service, which rebuilds a quota counter Redis lost from it (ADR 0019): the cost
 * units charged to a tenant's subtree in a range, as recorded here. A tenant never seen has none.
 */
public class ReportChargedUsage {

    private final UsageReports reports;
    private final Transactions transactions;

    public ReportChargedUsage(UsageReports reports, Transactions transactions) {
        this.reports = reports;
        this.transactions = transactions;
    }

    public long chargedCost(UUID tenantId, Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidQueryException(Map.of("to", "from and to are required, from before to"));
        }
        return transactions.readOnly(
                () -> reports.totals(tenantId, true, new TimeRange(from, to)).cost());
    }
}
