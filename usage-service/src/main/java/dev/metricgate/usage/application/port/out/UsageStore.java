package dev.metricgate.usage.application.port.out;

import dev.metricgate.usage.domain.TimeRange;
import dev.metricgate.usage.domain.UsageRecord;
import java.util.List;

/** Raw usage events and the rollups derived from them. */
public interface UsageStore {

    /**
     * Stores the records whose event id is not stored yet and adds exactly those to the minute,
     * hour and day rollups, in the caller's transaction.
     *
     * @return the number of records newly stored; the rest were duplicates
     */
    int storeNew(List<UsageRecord> records);

    /**
     * Recomputes every rollup bucket inside {@code range} (widened to whole UTC days) from the raw
     * events, excluding concurrent ingest while it runs.
     *
     * @return the number of raw events aggregated
     */
    long rebuildRollups(TimeRange range);
}
