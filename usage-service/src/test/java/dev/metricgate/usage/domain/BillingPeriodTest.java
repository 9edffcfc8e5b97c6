package dev.metricgate.usage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BillingPeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void givenAnchorDayAhead_whenFindingPeriod_thenItStartedLastMonthAtLocalMidnight() {
        var period = BillingPeriod.containing(Instant.parse("2026-03-10T12:00:00Z"), BERLIN, 15);

        assertThat(period.start()).isEqualTo(Instant.parse("2026-02-14T23:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-03-14T23:00:00Z"));
    }

    @Test
    void givenInstantJustAfterLocalMidnightOfAnchorDay_whenFindingPeriod_thenNewPeriodAlthoughUtcIsTheDayBefore() {
        var period = BillingPeriod.containing(Instant.parse("2026-03-14T23:30:00Z"), BERLIN, 15);

        assertThat(period.start()).isEqualTo(Instant.parse("2026-03-14T23:00:00Z"));
    }

    @Test
    void givenPeriodAcrossDaylightSavingChange_whenFindingEnd_thenEndIsLocalMidnightInSummerTime() {
        var period = BillingPeriod.containing(Instant.parse("2026-03-20T00:00:00Z"), BERLIN, 15);

        assertThat(period.end()).isEqualTo(Instant.parse("2026-04-14T22:00:00Z"));
    }

    @Test
    void givenCurrentPeriod_whenAskingPrevious_thenItEndsWhereCurrentStarts() {
        var current = BillingPeriod.containing(Instant.parse("2026-01-05T00:00:00Z"), ZoneId.of("UTC"), 28);
        var previous = current.previous();

        assertThat(current.start()).isEqualTo(Instant.parse("2025-12-28T00:00:00Z"));
        assertThat(previous.start()).isEqualTo(Instant.parse("2025-11-28T00:00:00Z"));
        assertThat(previous.end()).isEqualTo(current.start());
    }
}
