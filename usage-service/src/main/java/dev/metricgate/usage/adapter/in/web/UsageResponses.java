package dev.metricgate.usage.adapter.in.web;

import dev.metricgate.usage.application.QueryUsageTimeSeries;
import dev.metricgate.usage.domain.Granularity;
import dev.metricgate.usage.domain.GroupBy;
import dev.metricgate.usage.domain.UsagePoint;
import dev.metricgate.usage.domain.UsageSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON bodies of the usage reports. */
final class UsageResponses {

    private UsageResponses() {}

    record TimeSeriesResponse(
            UUID tenantId,
            Instant from,
            Instant to,
            Granularity granularity,
            GroupBy groupBy,
            boolean includeDescendants,
            String timeZone,
            List<PointResponse> points) {

        static TimeSeriesResponse of(QueryUsageTimeSeries.View view) {
            var query = view.query();
            return new TimeSeriesResponse(
                    query.tenantId(),
                    query.from(),
                    query.to(),
                    query.granularity(),
                    query.groupBy(),
                    query.includeDescendants(),
                    view.timeZone().getId(),
                    view.points().stream().map(PointResponse::of).toList());
        }
    }

    /**
     * @param group API key id, route or tenant id, per {@code groupBy}; absent when not grouped
     * @param cost cost units consumed (allowed and shadow-denied decisions)
     * @param deniedCost cost units of denied decisions
     */
    record PointResponse(
            Instant bucket, String group, long allowed, long denied, long shadowDenied, long cost, long deniedCost) {

        static PointResponse of(UsagePoint point) {
            var counts = point.counts();
            return new PointResponse(
                    point.bucket(),
                    point.group(),
                    counts.allowed(),
                    counts.denied(),
                    counts.shadowDenied(),
                    counts.cost(),
                    counts.deniedCost());
        }
    }

    /**
     * @param quota {@code null} when unlimited
     * @param used cost units consumed by the tenant and its subtree in the period
     */
    record SummaryResponse(
            UUID tenantId,
            Instant periodStart,
            Instant periodEnd,
            String timeZone,
            Long quota,
            long used,
            Long remaining,
            long allowed,
            long denied,
            long shadowDenied) {

        static SummaryResponse of(UsageSummary summary) {
            return new SummaryResponse(
                    summary.tenantId(),
                    summary.period().start(),
                    summary.period().end(),
                    summary.period().zone().getId(),
                    summary.quota(),
                    summary.used(),
                    summary.remaining(),
                    summary.counts().allowed(),
                    summary.counts().denied(),
                    summary.counts().shadowDenied());
        }
    }

    record RebuildResponse(Instant from, Instant to, long rawEvents) {}
}
