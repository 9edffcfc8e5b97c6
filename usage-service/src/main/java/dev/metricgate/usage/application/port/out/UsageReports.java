package dev.metricgate.usage.application.port.out;

import dev.metricgate.usage.domain.ExportRow;
import dev.metricgate.usage.domain.Granularity;
import dev.metricgate.usage.domain.GroupBy;
import dev.metricgate.usage.domain.TimeRange;
import dev.metricgate.usage.domain.UsageCounts;
import dev.metricgate.usage.domain.UsagePoint;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Read side of the rollups. */
public interface UsageReports {

    List<UsagePoint> timeSeries(
            UUID tenantId,
            boolean includeDescendants,
            TimeRange range,
            Granularity granularity,
            GroupBy groupBy,
            ZoneId dayZone);

    /** Totals of the tenant and, when asked, its whole subtree; exact to the minute. */
    UsageCounts totals(UUID tenantId, boolean includeDescendants, TimeRange range);

    /** Streams rollup rows in bucket order to {@code sink} without holding them in memory. */
    void export(
            UUID tenantId,
            boolean includeDescendants,
            TimeRange range,
            Granularity granularity,
            Consumer<ExportRow> sink);
}
