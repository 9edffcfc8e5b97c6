package dev.metricgate.enforcement.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of enforcement-service ({@code metricgate.enforcement.*}).
 *
 * @param plansServiceUrl base URL of plans-service's internal API
 * @param directoryTimeout how long a cache miss may wait for plans-service, and a quota rebuild for
 *     usage-service
 * @param usageServiceUrl base URL of usage-service's internal API (quota rebuilds, ADR 0019)
 * @param localCacheTtl backstop TTL of in-process key entries (evictions normally come first)
 * @param negativeCacheTtl how long an unknown key stays cached as unknown
 * @param sharedCacheTtl backstop TTL of the Redis key entries
 * @param failSoftShare share of each bucket one instance may use while Redis is unreachable
 * @param clockSource {@code redis}: the script reads Redis TIME (one clock for all instances);
 *     {@code application}: the instance clock is passed in (tests that move time)
 * @param redisCommandTimeout how long the charge script may take before the check falls back to
 *     the plan's failure mode
 * @param planChangesGroup consumer group of the plan-change listener, shared by all instances
 * @param batch how checks that arrive together share one call of the charge script (ADR 0017)
 * @param grpc the port of Envoy's rate limit service protocol (ADR 0021)
 */
@ConfigurationProperties("metricgate.enforcement")
public record EnforcementProperties(
        @DefaultValue("http://127.0.0.1:8081") String plansServiceUrl,
        @DefaultValue("2s") Duration directoryTimeout,
        @DefaultValue("http://127.0.0.1:8083") String usageServiceUrl,
        @DefaultValue("5m") Duration localCacheTtl,
        @DefaultValue("2s") Duration negativeCacheTtl,
        @DefaultValue("100000") int localCacheSize,
        @DefaultValue("10m") Duration sharedCacheTtl,
        @DefaultValue("0.5") double failSoftShare,
        @DefaultValue("redis") String clockSource,
        @DefaultValue("250ms") Duration redisCommandTimeout,
        @DefaultValue("enforcement-service") String planChangesGroup,
        @DefaultValue Usage usage,
        @DefaultValue Breaker breaker,
        @DefaultValue Batch batch,
        @DefaultValue Grpc grpc) {

    public boolean redisClock() {
        return !"application".equals(clockSource);
    }

    /**
     * @param bufferCapacity events of decisions made without Redis (failure modes) held while Kafka
     *     is unreachable; beyond it new ones are dropped (and counted)
     * @param recordAckWait how long a decision made without Redis waits for Kafka's acknowledgement of
     *     its usage event before it is answered; past it the event waits in the buffer
     * @param batchSize events sent per batch from that buffer
     * @param shutdownDrain how long a graceful shutdown waits for the buffer and the relay's last pass
     * @param relayEnabled whether this instance forwards the usage streams to Kafka (ADR 0018)
     * @param relayInterval how often the relay drains the streams this instance wrote to
     * @param relaySweep how often the relay drains every usage stream in Redis (what other, dead,
     *     instances left behind)
     * @param relayBatchSize stream entries read, published and trimmed at a time
     */
    public record Usage(
            @DefaultValue("200000") int bufferCapacity,
            @DefaultValue("500ms") Duration recordAckWait,
            @DefaultValue("500") int batchSize,
            @DefaultValue("15s") Duration shutdownDrain,
            @DefaultValue("true") boolean relayEnabled,
            @DefaultValue("50ms") Duration relayInterval,
            @DefaultValue("10s") Duration relaySweep,
            @DefaultValue("200") int relayBatchSize) {}

    /**
     * @param waitInOpenState how long the breaker short-cuts Redis calls before probing again
     */
    public record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("5") int minimumNumberOfCalls,
            @DefaultValue("500ms") Duration waitInOpenState) {}

    /**
     * @param maxDecisions most decisions one call of the charge script carries
     * @param maxInFlight calls of one lane (all of Redis, or one Cluster slot) out at once; checks
     *     arriving meanwhile wait for the next call
     * @param maxWait how long a check may wait for the next call before it is sent on its own
     */
    public record Batch(
            @DefaultValue("32") int maxDecisions,
            @DefaultValue("2") int maxInFlight,
            @DefaultValue("10ms") Duration maxWait) {}

    /**
     * @param address the address the gRPC server binds
     * @param port its port, 0 for any free one; negative: no gRPC server
     * @param shutdownGrace how long a shutdown waits for calls in progress
     */
    public record Grpc(
            @DefaultValue("127.0.0.1") String address,
            @DefaultValue("8092") int port,
            @DefaultValue("5s") Duration shutdownGrace) {}
}
