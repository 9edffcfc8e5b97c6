package dev.metricgate.enforcement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalTokenBucketTest {

    @Test
    void givenFullBucket_whenTakingBeyondBurst_thenDeniedUntilRefilled() {
        var bucket = new LocalTokenBucket(new RouteRate(2, 3), 0);

        assertThat(bucket.tryTake(1, 0)).isEqualTo(2);
        assertThat(bucket.tryTake(2, 0)).isZero();
        assertThat(bucket.tryTake(1, 0)).isEqualTo(-1);
        assertThat(bucket.millisUntil(1, 0)).isEqualTo(500);
        assertThat(bucket.tryTake(1, 499)).isEqualTo(-1);
        assertThat(bucket.tryTake(1, 500)).isZero();
    }

    @Test
    void givenLongIdleTime_whenRefilling_thenCappedAtBurstWithoutOverflow() {
        var bucket = new LocalTokenBucket(new RouteRate(1_000_000, 5), 0);
        bucket.tryTake(5, 0);

        assertThat(bucket.tryTake(1, Long.MAX_VALUE / 2)).isEqualTo(4);
    }

    @Test
    void givenTakenTokens_whenGivenBack_thenAvailableAgain() {
        var bucket = new LocalTokenBucket(new RouteRate(0, 2), 0);
        bucket.tryTake(2, 0);

        bucket.giveBack(1);

        assertThat(bucket.tryTake(1, 10)).isZero();
        assertThat(bucket.tryTake(1, 10_000)).isEqualTo(-1);
    }
}
