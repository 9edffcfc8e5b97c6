package dev.metricgate.usage.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One billing period of a tenant: from local midnight of the anchor day in the tenant's time zone
 * to the same local time one month later, half-open {@code [start, end)}.
 */
public record BillingPeriod(Instant start, Instant end, ZoneId zone, int anchorDay) {

    public BillingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
    }

    public static BillingPeriod containing(Instant instant, ZoneId zone, int anchorDay) {
        LocalDate today = instant.atZone(zone).toLocalDate();
        LocalDate anchor = today.withDayOfMonth(anchorDay);
        LocalDate startDay = today.isBefore(anchor) ? anchor.minusMonths(1) : anchor;
        return of(startDay, zone, anchorDay);
    }

    public BillingPeriod previous() {
        LocalDate startDay = start.atZone(zone).toLocalDate().minusMonths(1);
        return of(startDay, zone, anchorDay);
    }

    private static BillingPeriod of(LocalDate startDay, ZoneId zone, int anchorDay) {
        ZonedDateTime start = startDay.atStartOfDay(zone);
        ZonedDateTime end = startDay.plusMonths(1).atStartOfDay(zone);
        return new BillingPeriod(start.toInstant(), end.toInstant(), zone, anchorDay);
    }
}
