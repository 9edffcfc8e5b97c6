package dev.metricgate.usage.application;

import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.application.port.out.UsageReports;
import dev.metricgate.usage.domain.Caller;
import dev.metricgate.usage.domain.Granularity;
import dev.metricgate.usage.domain.GroupBy;
import dev.metricgate.usage.domain.TimeRange;
import dev.metricgate.usage.domain.UsagePoint;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Time series of a tenant's usage, optionally of its whole subtree, split by one dimension. DAY
 * buckets start at midnight in the tenant's time zone, or in the one asked for.
 */
public class QueryUsageTimeSeries {

    private final TenantAccess access;
    private final UsageReports reports;
    private final Transactions transactions;

    public QueryUsageTimeSeries(TenantAccess access, UsageReports reports, Transactions transactions) {
        this.access = access;
        this.reports = reports;
        this.transactions = transactions;
    }

    public View query(Caller caller, Query query) {
        TimeRange range = UsageQueries.range(query.from(), query.to(), query.granularity());
        return transactions.readOnly(() -> {
            ZoneId zone = UsageQueries.zone(
                    query.timeZone(), access.readable(caller, query.tenantId()).timeZone());
            List<UsagePoint> points = reports.timeSeries(
                    query.tenantId(), query.includeDescendants(), range, query.granularity(), query.groupBy(), zone);
            return new View(query, zone, points);
        });
    }

    /**
     * @param groupBy {@code null} for one series of totals
     * @param timeZone the zone DAY buckets follow, {@code null} for the tenant's
     */
    public record Query(
            UUID tenantId,
            Instant from,
            Instant to,
            Granularity granularity,
            GroupBy groupBy,
            boolean includeDescendants,
            String timeZone) {}

    /** @param timeZone the zone whose midnights start the DAY buckets */
    public record View(Query query, ZoneId timeZone, List<UsagePoint> points) {}
}
