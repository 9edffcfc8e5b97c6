package dev.metricgate.usage.domain;

import java.util.Arrays;
import java.util.List;

/** The shares of a period quota whose crossing is announced, once each per period. */
public enum QuotaThreshold {
    EIGHTY_PERCENT(80),
    HUNDRED_PERCENT(100);

    private final int percent;

    QuotaThreshold(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }

    /** The thresholds {@code used} has reached; none for an unlimited or zero quota. */
    public static List<QuotaThreshold> reached(Long quota, long used) {
        if (quota == null || quota <= 0) {
            return List.of();
        }
        return Arrays.stream(values())
                .filter(t -> used * 100 >= quota * t.percent)
                .toList();
    }
}
