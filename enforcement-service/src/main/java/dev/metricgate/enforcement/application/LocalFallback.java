package dev.metricgate.enforcement.application;

import dev.metricgate.enforcement.domain.ChargeResult;
import dev.metricgate.enforcement.domain.CheckState;
import dev.metricgate.enforcement.domain.LimitCheck;
import dev.metricgate.enforcement.domain.LocalTokenBucket;
import dev.metricgate.enforcement.domain.RouteRate;
import dev.metricgate.enforcement.domain.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fail-soft counters: per-instance token buckets holding a share of each bucket's rate and burst,
 * so that all instances together stay at or below the real limit while Redis is unreachable.
 * Quotas cannot be counted per instance and are not charged here; the usage events still meter.
 */
public final class LocalFallback {

    private final double share;
    private final ConcurrentHashMap<String, LocalTokenBucket> buckets = new ConcurrentHashMap<>();

    /** @param share of each limit one instance may use, e.g. 0.5 for two instances */
    public LocalFallback(double share) {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("share must be in (0, 1]");
        }
        this.share = share;
    }

    /** Only the bucket checks of a plan: the ones this fallback can decide. */
    public static List<LimitCheck> decidable(List<LimitCheck> checks) {
        return checks.stream().filter(LimitCheck::isBucket).toList();
    }

    public ChargeResult charge(List<LimitCheck> bucketChecks, int cost, long nowMillis) {
        List<LocalTokenBucket> taken = new ArrayList<>(bucketChecks.size());
        List<CheckState> states = new ArrayList<>(bucketChecks.size());
        int shadowDenied = -1;
        for (int i = 0; i < bucketChecks.size(); i++) {
            LimitCheck check = bucketChecks.get(i);
            LocalTokenBucket bucket = bucketFor(check, nowMillis);
            long left = bucket.tryTake(cost, nowMillis);
            if (left >= 0) {
                taken.add(bucket);
                states.add(new CheckState(left, 0));
            } else if (check.shadow()) {
                shadowDenied = i;
                states.add(new CheckState(0, bucket.millisUntil(cost, nowMillis)));
            } else {
                long retry = bucket.millisUntil(cost, nowMillis);
                taken.forEach(t -> t.giveBack(cost));
                List<CheckState> denied = new ArrayList<>(states);
                for (int j = i; j < bucketChecks.size(); j++) {
                    denied.add(new CheckState(0, retry));
                }
                return new ChargeResult(Verdict.DENIED, i, retry, denied);
            }
        }
        if (shadowDenied >= 0) {
            return new ChargeResult(Verdict.SHADOW_DENIED, shadowDenied, 0, states);
        }
        return new ChargeResult(Verdict.ALLOWED, -1, 0, states);
    }

    private LocalTokenBucket bucketFor(LimitCheck check, long nowMillis) {
        String name = check.tenant().tenantId() + "|" + check.policy() + "|" + check.route();
        RouteRate limit = check.bucket();
        return buckets.computeIfAbsent(
                name,
                n -> new LocalTokenBucket(
                        new RouteRate(
                                scaled(limit.requestsPerSecond(), limit.requestsPerSecond() > 0),
                                scaled(limit.burst(), true)),
                        nowMillis));
    }

    private int scaled(int value, boolean atLeastOne) {
        int scaled = (int) Math.floor(value * share);
        return atLeastOne ? Math.max(1, scaled) : scaled;
    }

    /** Forgets local state once the shared counters are back, so the next outage starts fresh. */
    public void reset() {
        buckets.clear();
    }
}
