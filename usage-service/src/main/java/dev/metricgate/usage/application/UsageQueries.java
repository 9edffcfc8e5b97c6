package dev.metricgate.usage.application;

import dev.metricgate.usage.domain.Granularity;
import dev.metricgate.usage.domain.InvalidQueryException;
import dev.metricgate.usage.domain.TimeRange;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks shared by the report queries. */
final class UsageQueries {

    /** Upper bound of buckets one time series may span. */
    static final long MAX_BUCKETS = 10_000;

    private UsageQueries() {}

    /**
     * The time zone DAY buckets follow: the one asked for, else the tenant's.
     *
     * @throws InvalidQueryException naming {@code timeZone} when it is not an IANA zone or offset
     */
    static ZoneId zone(String asked, ZoneId tenants) {
        if (asked == null || asked.isBlank()) {
            return tenants;
        }
        try {
            return ZoneId.of(asked);
        } catch (DateTimeException e) {
            throw new InvalidQueryException(Map.of("timeZone", "is not a time zone (e.g. Asia/Tokyo, UTC, +05:30)"));
        }
    }

    static TimeRange range(Instant from, Instant to, Granularity granularity) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (from == null) {
            errors.put("from", "is required");
        }
        if (to == null) {
            errors.put("to", "is required");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.put("to", "must be after from");
        }
        if (errors.isEmpty() && granularity != null) {
            long buckets = Duration.between(from, to).dividedBy(granularity.size());
            if (buckets > MAX_BUCKETS) {
                errors.put(
                        "granularity",
                        "spans " + buckets + " buckets between from and to; at most " + MAX_BUCKETS + " are allowed");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new TimeRange(from, to);
    }
}
