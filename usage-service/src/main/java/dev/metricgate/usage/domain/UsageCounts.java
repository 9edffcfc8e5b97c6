package dev.metricgate.usage.domain;

/**
 * Decisions and cost units in some slice of time.
 *
 * @param cost cost units consumed by served decisions (allowed and shadow-denied)
 * @param deniedCost cost units requested by denied decisions
 */
public record UsageCounts(long allowed, long denied, long shadowDenied, long cost, long deniedCost) {

    public static final UsageCounts ZERO = new UsageCounts(0, 0, 0, 0, 0);

    public UsageCounts plus(UsageCounts other) {
        return new UsageCounts(
                allowed + other.allowed,
                denied + other.denied,
                shadowDenied + other.shadowDenied,
                cost + other.cost,
                deniedCost + other.deniedCost);
    }
}
