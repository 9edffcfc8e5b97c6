package dev.metricgate.usage.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.usage.adapter.out.persistence.JdbcUsageReports.Segment;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollupSegmentsTest {

    @Test
    void givenRangeAcrossDays_whenSplitting_thenMinutesHoursDaysHoursMinutesWithoutGapsOrOverlap() {
        Instant from = Instant.parse("2026-02-14T18:30:00Z");
        Instant to = Instant.parse("2026-03-14T18:30:00Z");

        var segments = JdbcUsageReports.segments(from, to);

        assertThat(segments)
                .containsExactly(
                        new Segment("usage_tenant_rollup_minute", from, Instant.parse("2026-02-14T19:00:00Z")),
                        new Segment(
                                "usage_tenant_rollup_hour",
                                Instant.parse("2026-02-14T19:00:00Z"),
                                Instant.parse("2026-02-15T00:00:00Z")),
                        new Segment(
                                "usage_tenant_rollup_day",
                                Instant.parse("2026-02-15T00:00:00Z"),
                                Instant.parse("2026-03-14T00:00:00Z")),
                        new Segment(
                                "usage_tenant_rollup_hour",
                                Instant.parse("2026-03-14T00:00:00Z"),
                                Instant.parse("2026-03-14T18:00:00Z")),
                        new Segment("usage_tenant_rollup_minute", Instant.parse("2026-03-14T18:00:00Z"), to));
    }

    @Test
    void givenRangeWithinOneHour_whenSplitting_thenMinutesOnly() {
        Instant from = Instant.parse("2026-02-14T18:05:00Z");
        Instant to = Instant.parse("2026-02-14T18:55:00Z");

        assertThat(JdbcUsageReports.segments(from, to))
                .containsExactly(new Segment("usage_tenant_rollup_minute", from, to));
    }

    @Test
    void givenDayAlignedRange_whenSplitting_thenDaysOnly() {
        Instant from = Instant.parse("2026-02-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-01T00:00:00Z");

        assertThat(JdbcUsageReports.segments(from, to))
                .containsExactly(new Segment("usage_tenant_rollup_day", from, to));
    }
}
