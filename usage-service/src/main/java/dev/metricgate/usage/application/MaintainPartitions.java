package dev.metricgate.usage.application;

import dev.metricgate.usage.application.port.out.PartitionManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Creates raw-event partitions ahead of time and drops those past the retention. */
public class MaintainPartitions {

    private final PartitionManager partitions;
    private final Clock clock;
    private final int daysAhead;
    private final int retentionDays;

    public MaintainPartitions(PartitionManager partitions, Clock clock, int daysAhead, int retentionDays) {
        this.partitions = partitions;
        this.clock = clock;
        this.daysAhead = daysAhead;
        this.retentionDays = retentionDays;
    }

    /** Returns the days whose partitions were dropped. */
    public List<LocalDate> run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        partitions.ensureDays(today.minusDays(1), today.plusDays(daysAhead));
        return partitions.dropBefore(today.minusDays(retentionDays));
    }
}
