package dev.metricgate.enforcement.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:30:00.123Z");

    @Test
    void idsAreVersion7UuidsCarryingTheMillisecond() {
        UUID id = new EventIds(Clock.fixed(NOW, ZoneOffset.UTC)).get();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void oneInstanceNeverRepeatsAnIdWithinOneMillisecondAcrossThreads() throws Exception {
        EventIds ids = new EventIds(Clock.fixed(NOW, ZoneOffset.UTC));
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 8; t++) {
                callers.submit(() -> {
                    for (int i = 0; i < 50_000; i++) {
                        seen.add(ids.get());
                    }
                });
            }
        }
        assertThat(seen).hasSize(400_000);
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnes() {
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        EventIds ids = new EventIds(clock);
        UUID early = ids.get();
        UUID late = new EventIds(Clock.offset(clock, java.time.Duration.ofMillis(1))).get();

        assertThat(Long.compareUnsigned(late.getMostSignificantBits(), early.getMostSignificantBits()))
                .isPositive();
    }

    @Test
    void twoInstancesDrawDifferentIdsInTheSameMillisecond() {
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Set<UUID> seen = new HashSet<>();
        for (int instance = 0; instance < 100; instance++) {
            EventIds ids = new EventIds(clock);
            for (int i = 0; i < 100; i++) {
                seen.add(ids.get());
            }
        }
        assertThat(seen).hasSize(10_000);
    }
}
