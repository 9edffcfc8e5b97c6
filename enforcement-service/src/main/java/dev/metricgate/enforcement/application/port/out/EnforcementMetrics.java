package dev.metricgate.enforcement.application.port.out;

import dev.metricgate.enforcement.application.CheckCommand;
import dev.metricgate.enforcement.domain.Decision;
import dev.metricgate.enforcement.domain.FailureMode;

/** What the hot path reports for dashboards. */
public interface EnforcementMetrics {

    enum CacheLevel {
        LOCAL,
        REDIS,
        DIRECTORY
    }

    void decided(Decision decision, CheckCommand.Protocol protocol);

    void rejected(String reason);

    void fallback(FailureMode mode);

    void cacheLookup(CacheLevel level, boolean hit);
}
