package dev.metricgate.usage.application;

import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.application.port.out.UsageStore;
import dev.metricgate.usage.domain.InvalidQueryException;
import dev.metricgate.usage.domain.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Recomputes the rollups of a time range from the raw events, e.g. after a repair. */
public class RebuildRollups {

    private final UsageStore store;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration rawRetention;

    public RebuildRollups(UsageStore store, Transactions transactions, Clock clock, Duration rawRetention) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.rawRetention = rawRetention;
    }

    public long rebuild(Instant from, Instant to) {
        TimeRange range = UsageQueries.range(from, to, null);
        Instant oldestRaw = clock.instant().minus(rawRetention);
        if (range.from().isBefore(oldestRaw)) {
            throw new InvalidQueryException(Map.of(
                    "from",
                    "is before the raw-event retention window (" + oldestRaw + "); those rollups cannot be rebuilt"));
        }
        return transactions.inTransaction(() -> store.rebuildRollups(range));
    }
}
