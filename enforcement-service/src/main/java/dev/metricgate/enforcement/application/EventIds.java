package dev.metricgate.enforcement.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Usage event ids as time-ordered UUIDs (version 7, RFC 9562): the Unix millisecond, then 12 bits
 * chosen at random once per instance, then a 62-bit counter that starts at a random point. Ids of
 * one instance never repeat (the counter would have to wrap); two instances collide only if both
 * the random 74 bits line up within one millisecond. Time order keeps usage-service's primary-key
 * index appending at its right edge, and an id costs one atomic increment instead of the
 * SecureRandom lock and digest of {@link UUID#randomUUID()} on every check.
 */
public final class EventIds implements Supplier<UUID> {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
    private static final long COUNTER_MASK = 0x3FFF_FFFF_FFFF_FFFFL;

    private final Clock clock;
    private final long instanceBits;
    private final AtomicLong counter;

    public EventIds(Clock clock) {
        this(clock, new SecureRandom());
    }

    EventIds(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.instanceBits = random.nextInt(1 << 12);
        this.counter = new AtomicLong(random.nextLong());
    }

    @Override
    public UUID get() {
        long mostSignificant = (clock.millis() << 16) | VERSION_7 | instanceBits;
        long leastSignificant = VARIANT_RFC | (counter.getAndIncrement() & COUNTER_MASK);
        return new UUID(mostSignificant, leastSignificant);
    }
}
