package dev.metricgate.enforcement.domain;

/**
 * An in-process token bucket for fail-soft mode. Tokens are kept in milli-units so refill stays
 * exact integer arithmetic for any elapsed time.
 */
public final class LocalTokenBucket {

    private final long capacityMilli;
    private final long refillMilliPerMilli;
    private long tokensMilli;
    private long updatedAtMillis;

    public LocalTokenBucket(RouteRate rate, long nowMillis) {
        this.capacityMilli = rate.burst() * 1000L;
        this.refillMilliPerMilli = rate.requestsPerSecond();
        this.tokensMilli = capacityMilli;
        this.updatedAtMillis = nowMillis;
    }

    /** Takes {@code cost} tokens if there are enough; returns the whole tokens left or -1 when denied. */
    public synchronized long tryTake(int cost, long nowMillis) {
        refill(nowMillis);
        long need = cost * 1000L;
        if (tokensMilli < need) {
            return -1;
        }
        tokensMilli -= need;
        return tokensMilli / 1000;
    }

    /** Gives back tokens taken by a check that a later bucket denied (all-or-nothing locally). */
    public synchronized void giveBack(int cost) {
        tokensMilli = Math.min(capacityMilli, tokensMilli + cost * 1000L);
    }

    public synchronized long millisUntil(int cost, long nowMillis) {
        refill(nowMillis);
        long missing = cost * 1000L - tokensMilli;
        if (missing <= 0) {
            return 0;
        }
        return refillMilliPerMilli == 0
                ? Long.MAX_VALUE / 2
                : (missing + refillMilliPerMilli - 1) / refillMilliPerMilli;
    }

    private void refill(long nowMillis) {
        long elapsed = Math.max(0, nowMillis - updatedAtMillis);
        updatedAtMillis = Math.max(updatedAtMillis, nowMillis);
        if (elapsed == 0 || refillMilliPerMilli == 0) {
            return;
        }
        long room = capacityMilli - tokensMilli;
        // elapsed * rate cannot overflow below the point where the bucket is full anyway
        tokensMilli =
                elapsed > room / refillMilliPerMilli ? capacityMilli : tokensMilli + elapsed * refillMilliPerMilli;
    }
}
