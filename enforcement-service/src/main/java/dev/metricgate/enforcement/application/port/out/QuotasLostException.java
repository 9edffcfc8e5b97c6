package dev.metricgate.enforcement.application.port.out;

import dev.metricgate.enforcement.domain.LimitCheck;
import java.util.List;

/**
 * The counters cannot decide yet: quota counters Redis lost (a flushed or new Redis) must be rebuilt
 * from usage-service's record first (ADR 0019). Nothing was charged or metered.
 */
public final class QuotasLostException extends RuntimeException {

    private final List<LimitCheck> lost;

    public QuotasLostException(List<LimitCheck> lost) {
        super("quota counters to rebuild: " + lost.size(), null, false, false);
        this.lost = List.copyOf(lost);
    }

    /** The quota checks whose counters are to be rebuilt. */
    public List<LimitCheck> lost() {
        return lost;
    }
}
