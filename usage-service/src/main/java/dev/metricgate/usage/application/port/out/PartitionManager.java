package dev.metricgate.usage.application.port.out;

import java.time.LocalDate;
import java.util.List;

/** The daily (UTC) partitions of the raw event table. */
public interface PartitionManager {

    /** Creates the partitions of the days from {@code first} to {@code last}, inclusive, if missing. */
    void ensureDays(LocalDate first, LocalDate last);

    /** Drops every partition holding only days before {@code day}; returns the days dropped. */
    List<LocalDate> dropBefore(LocalDate day);
}
