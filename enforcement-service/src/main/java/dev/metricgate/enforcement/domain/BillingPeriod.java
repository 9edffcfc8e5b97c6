package dev.metricgate.enforcement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A billing period of a tenant's calendar: from local midnight of the anchor day in the tenant's
 * time zone to the same point one month later (anchor days are 1-28, so every month has one).
 */
public record BillingPeriod(LocalDate startDate, Instant start, Instant end, ZoneId zone, int anchorDay) {

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
        return idOf(startDate);
    }

    /** End of the following period, without computing the rest of it. */
    public Instant nextEnd() {
        return startDate.plusMonths(2).atStartOfDay(zone).toInstant();
    }

    /** {@link #id()} of the following period, without computing its instants. */
    public String nextId() {
        return idOf(startDate.plusMonths(1));
    }

    private static String idOf(LocalDate date) {
        // yyyyMMdd for years 1000-9999, without a formatter: this names Redis keys on every check
        return Integer.toString(date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth());
    }

    public long lengthSeconds() {
        return end.getEpochSecond() - start.getEpochSecond();
    }
}
