package dev.metricgate.enforcement.support;

import dev.metricgate.testsupport.TestCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Today on the {@link TestCalendar} plus an offset tests can move, so billing periods can be crossed on demand. */
public final class ShiftableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void setNow(Instant now) {
        offset = Duration.between(TestCalendar.now(), now);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return TestCalendar.now().plus(offset);
    }
}
