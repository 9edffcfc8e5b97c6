package dev.metricgate.enforcement.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of enforcement-service ({@code metricgate.enforcement.*}).
 *
 * @param plansServiceUrl base URL of plans-service's internal API
 * @param directoryTimeout how long a cache miss may wait for plans-service
 * @param localCacheTtl backstop TTL of in-process key entries (evictions normally come first)
 * @param negativeCacheTtl how long an unknown key stays cached as unknown
 * @param sharedCacheTtl backstop TTL of the Redis key entries
 * @param failSoftShare share of each bucket one instance may use while Redis is unreachable
 * @param clockSource {@code redis}: the script reads Redis TIME (one clock for all instances);
 *     {@code application}: the instance clock is passed in (tests that move time)
 * @param redisCommandTimeout how long the charge script may take before the check falls back to
 *     the plan's failure mode
 * @param planChangesGroup consumer group of the plan-change listener, shared by all instances
 */
@ConfigurationProperties("metricgate.enforcement")
public record EnforcementProperties(
        @DefaultValue("http://127.0.0.1:8081") String plansServiceUrl,
        @DefaultValue("2s") Duration directoryTimeout,
        @DefaultValue("5m") Duration localCacheTtl,
        @DefaultValue("2s") Duration negativeCacheTtl,
        @DefaultValue("100000") int localCacheSize,
        @DefaultValue("10m") Duration sharedCacheTtl,
        @DefaultValue("0.5") double failSoftShare,
        @DefaultValue("redis") String clockSource,
        @DefaultValue("250ms") Duration redisCommandTimeout,
        @DefaultValue("enforcement-service") String planChangesGroup,
        @DefaultValue Usage usage,
        @DefaultValue Breaker breaker) {

    public boolean redisClock() {
        return !"application".equals(clockSource);
    }

    /**
     * @param bufferCapacity events held while Kafka is unreachable; beyond it new events are dropped
     *     (and counted)
     * @param batchSize events sent per batch
     * @param shutdownDrain how long a graceful shutdown waits for the buffer to empty
     */
    public record Usage(
            @DefaultValue("200000") int bufferCapacity,
            @DefaultValue("500") int batchSize,
            @DefaultValue("15s") Duration shutdownDrain) {}

    /**
     * @param waitInOpenState how long the breaker short-cuts Redis calls before probing again
     */
    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("5") int minimumNumberOfCalls,
            @DefaultValue("500ms") Duration waitInOpenState) {}
}
