package dev.metricgate.usage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotaThresholdTest {

    @Test
    void givenUsageBelowEightyPercent_whenChecking_thenNothingReached() {
        assertThat(QuotaThreshold.reached(1000L, 799)).isEmpty();
    }

    @Test
    void givenUsageAtEightyPercent_whenChecking_thenEightyReached() {
        assertThat(QuotaThreshold.reached(1000L, 800)).containsExactly(QuotaThreshold.EIGHTY_PERCENT);
    }

    @Test
    void givenUsageBeyondQuota_whenChecking_thenBothReached() {
        assertThat(QuotaThreshold.reached(1000L, 1500))
                .containsExactly(QuotaThreshold.EIGHTY_PERCENT, QuotaThreshold.HUNDRED_PERCENT);
    }

    @Test
    void givenUnlimitedQuota_whenChecking_thenNothingReached() {
        assertThat(QuotaThreshold.reached(null, Long.MAX_VALUE / 200)).isEmpty();
    }
}
