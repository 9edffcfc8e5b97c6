package dev.metricgate.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Today, as tests see it: the real time, or — with {@code -Dmetricgate.test.now=2027-12-31T23:58:00Z}
 * — a calendar that starts at that instant and runs on from it. Tests take calendar instants
 * (billing periods, partitions, retention windows) from here, never from literals, so the suite
 * passes on any day; the property shows it by running the suite on another one (a year ahead, the
 * last minutes of a year). Servers keep their own real clocks, as they would in production.
 */
public final class TestCalendar {

    public static final String PROPERTY = "metricgate.test.now";

    private static final Duration SHIFT = shift(System.getProperty(PROPERTY));

    private TestCalendar() {}

    public static Instant now() {
        return Instant.now().plus(SHIFT);
    }

    /** A clock on this calendar, for the service under test. */
    public static Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.offset(Clock.system(zone), SHIFT);
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    private static Duration shift(String start) {
        if (start == null || start.isBlank()) {
            return Duration.ZERO;
        }
        return Duration.between(Instant.now(), Instant.parse(start.trim()));
    }
}
