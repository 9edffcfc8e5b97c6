package dev.metricgate.enforcement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A billing period of a tenant's calendar: from local midnight of the anchor day in the tenant's
 * time zone to the same point one month later (anchor days are 1-28, so every month has one).
 */
public record BillingPeriod(LocalDate startDate, Instant start, Instant end, ZoneId zone, int anchorDay) {

    private static final DateTimeFormatter ID = DateTimeFormatter.BASIC_ISO_DATE;

    public static BillingPeriod containing(Instant instant, ZoneId zone, int anchorDay) {
        int anchor = Math.clamp(anchorDay, 1, 28);
        LocalDate today = instant.atZone(zone).toLocalDate();
        LocalDate candidate = YearMonth.from(today).atDay(anchor);
        if (today.isBefore(candidate)) {
            candidate = candidate.minusMonths(1);
        }
        BillingPeriod period = starting(candidate, zone, anchor);
        return instant.isBefore(period.start) ? starting(candidate.minusMonths(1), zone, anchor) : period;
    }

    private static BillingPeriod starting(LocalDate startDate, ZoneId zone, int anchor) {
        Instant start = startDate.atStartOfDay(zone).toInstant();
        Instant end = startDate.plusMonths(1).atStartOfDay(zone).toInstant();
        return new BillingPeriod(startDate, start, end, zone, anchor);
    }

    public BillingPeriod next() {
        return starting(startDate.plusMonths(1), zone, anchorDay);
    }

    /** Stable name of the period, the local start date, e.g. {@code 20261115}. */
    public String id() {
        return ID.format(startDate);
    }

    public long lengthSeconds() {
        return end.getEpochSecond() - start.getEpochSecond();
    }
}
