package dev.metricgate.contracts.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingPeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void givenBerlinAnchor15_whenJustBeforeLocalMidnightOfThe15th_thenPeriodEndsAtThatMidnight() {
        BillingPeriod period = BillingPeriod.containing(Instant.parse("2026-12-14T22:59:59Z"), BERLIN, 15);

        assertThat(period.start()).isEqualTo(Instant.parse("2026-11-14T23:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-12-14T23:00:00Z"));
        assertThat(period.id()).isEqualTo("20261115");
        assertThat(period.next().id()).isEqualTo("20261215");
        assertThat(period.nextId()).isEqualTo("20261215");
        assertThat(period.nextEnd()).isEqualTo(period.next().end());
    }

    @Test
    void givenBerlinAnchor15_whenAtLocalMidnightOfThe15th_thenTheNextPeriodStartsAlthoughUtcIsTheDayBefore() {
        BillingPeriod period = BillingPeriod.containing(Instant.parse("2026-12-14T23:00:00Z"), BERLIN, 15);

        assertThat(period.id()).isEqualTo("20261215");
        assertThat(period.start()).isEqualTo(Instant.parse("2026-12-14T23:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2027-01-14T23:00:00Z"));
    }

    @Test
    void givenPeriodAcrossDaylightSavingChange_whenMeasured_thenItEndsAtSummerMidnightAndIsOneHourShorter() {
        BillingPeriod period = BillingPeriod.containing(Instant.parse("2026-03-20T12:00:00Z"), BERLIN, 15);

        assertThat(period.start()).isEqualTo(Instant.parse("2026-03-14T23:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-04-14T22:00:00Z"));
        assertThat(period.lengthSeconds()).isEqualTo(31 * 86400 - 3600);
    }

    @Test
    void givenUtcAnchorOne_whenInTheMiddleOfAMonth_thenTheCalendarMonth() {
        BillingPeriod period = BillingPeriod.containing(Instant.parse("2026-02-10T00:00:00Z"), ZoneOffset.UTC, 1);

        assertThat(period.start()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void givenAnchor28_whenEarlyInJanuary_thenPeriodStartedInDecemberOfThePreviousYear() {
        BillingPeriod current = BillingPeriod.containing(Instant.parse("2026-01-05T00:00:00Z"), ZoneOffset.UTC, 28);
        BillingPeriod previous = current.previous();

        assertThat(current.startDate()).isEqualTo(LocalDate.parse("2025-12-28"));
        assertThat(current.start()).isEqualTo(Instant.parse("2025-12-28T00:00:00Z"));
        assertThat(current.id()).isEqualTo("20251228");
        assertThat(current.nextId()).isEqualTo("20260128");
        assertThat(previous.start()).isEqualTo(Instant.parse("2025-11-28T00:00:00Z"));
        assertThat(previous.end()).isEqualTo(current.start());
        assertThat(previous.next()).isEqualTo(current);
    }

    @Test
    void givenAnchor31_whenFindingPeriods_thenTheyStartOnThe28thSoFebruaryHasOne() {
        BillingPeriod january = BillingPeriod.containing(Instant.parse("2026-02-27T12:00:00Z"), ZoneOffset.UTC, 31);
        BillingPeriod february = BillingPeriod.containing(Instant.parse("2026-02-28T00:00:00Z"), ZoneOffset.UTC, 31);

        assertThat(january.anchorDay()).isEqualTo(28);
        assertThat(january.id()).isEqualTo("20260128");
        assertThat(january.end()).isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
        assertThat(february.id()).isEqualTo("20260228");
        assertThat(february).isEqualTo(BillingPeriod.containing(february.start(), ZoneOffset.UTC, 28));
    }

    @Test
    void givenAnchorBelowOne_whenFindingPeriod_thenTheCalendarMonth() {
        BillingPeriod unset = BillingPeriod.containing(Instant.parse("2026-02-10T00:00:00Z"), ZoneOffset.UTC, 0);
        BillingPeriod negative = BillingPeriod.containing(Instant.parse("2026-02-10T00:00:00Z"), ZoneOffset.UTC, -3);

        assertThat(unset.anchorDay()).isEqualTo(1);
        assertThat(unset.id()).isEqualTo("20260201");
        assertThat(negative).isEqualTo(unset);
    }

    @ParameterizedTest
    @CsvSource({"-3, 1", "0, 1", "1, 1", "15, 15", "28, 28", "29, 28", "31, 28"})
    void givenRequestedAnchorDay_whenNormalised_thenWithinOneTo28(int requested, int used) {
        assertThat(BillingPeriod.anchorDay(requested)).isEqualTo(used);
    }
}
