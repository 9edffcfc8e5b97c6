package dev.metricgate.contracts.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A billing period of a tenant's calendar, half-open {@code [start, end)}: from local midnight of
 * the anchor day in the tenant's time zone to the same point one month later. Anchor days are
 * 1-28, so every month has one. Shared because enforcement charges quota counters and usage
 * reports totals per period: both must put an instant in the same period.
 */
public record BillingPeriod(LocalDate startDate, Instant start, Instant end, ZoneId zone, int anchorDay) {

    public static final int FIRST_ANCHOR_DAY = 1;
    public static final int LAST_ANCHOR_DAY = 28;

    public BillingPeriod {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
    }

    /** The anchor day a calendar really uses: below 1 (0 = not set) becomes 1, above 28 becomes 28. */
    public static int anchorDay(int requested) {
        return Math.clamp(requested, FIRST_ANCHOR_DAY, LAST_ANCHOR_DAY);
    }

    public static BillingPeriod containing(Instant instant, ZoneId zone, int anchorDay) {
        int anchor = anchorDay(anchorDay);
        LocalDate today = instant.atZone(zone).toLocalDate();
        LocalDate startDate = YearMonth.from(today).atDay(anchor);
        return starting(today.isBefore(startDate) ? startDate.minusMonths(1) : startDate, zone, anchor);
    }

    private static BillingPeriod starting(LocalDate startDate, ZoneId zone, int anchor) {
        Instant start = startDate.atStartOfDay(zone).toInstant();
        Instant end = startDate.plusMonths(1).atStartOfDay(zone).toInstant();
        return new BillingPeriod(startDate, start, end, zone, anchor);
    }

    public BillingPeriod next() {
        return starting(startDate.plusMonths(1), zone, anchorDay);
    }

    public BillingPeriod previous() {
        return starting(startDate.minusMonths(1), zone, anchorDay);
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
