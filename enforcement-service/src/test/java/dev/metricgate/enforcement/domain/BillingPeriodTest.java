package dev.metricgate.enforcement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

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
    }

    @Test
    void givenBerlinAnchor15_whenAtLocalMidnightOfThe15th_thenTheNextPeriodStarts() {
        BillingPeriod period = BillingPeriod.containing(Instant.parse("2026-12-14T23:00:00Z"), BERLIN, 15);

        assertThat(period.id()).isEqualTo("20261215");
        assertThat(period.end()).isEqualTo(Instant.parse("2027-01-14T23:00:00Z"));
    }

    @Test
    void givenPeriodAcrossDaylightSavingChange_whenMeasured_thenItIsOneHourShorter() {
        BillingPeriod period = BillingPeriod.containing(Instant.parse("2026-03-20T12:00:00Z"), BERLIN, 15);

        assertThat(period.start()).isEqualTo(Instant.parse("2026-03-14T23:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-04-14T22:00:00Z"));
        assertThat(period.lengthSeconds()).isEqualTo(31 * 86400 - 3600);
    }

    @Test
    void givenUtcAnchorOne_whenInTheMiddleOfAMonth_thenTheCalendarMonth() {
        BillingPeriod period = BillingPeriod.containing(Instant.parse("2026-02-10T00:00:00Z"), ZoneId.of("UTC"), 1);

        assertThat(period.start()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    }
}
