package dev.metricgate.enforcement.adapter.out.redis;

import dev.metricgate.contracts.KeyResolution;
import dev.metricgate.enforcement.application.port.out.SharedResolutionCache;
import dev.metricgate.enforcement.config.EnforcementProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Key resolutions cached in Redis as plans-service's JSON, each tagged in one set per tenant of its
 * chain ({@code mg:tag:<tenant>}), so one hierarchy change finds every dependent entry. Evictions
 * are announced on a Pub/Sub channel that every instance listens to.
 */
@Component
class RedisResolutionCache implements SharedResolutionCache {

    private static final Logger log = LoggerFactory.getLogger(RedisResolutionCache.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final CircuitBreaker breaker;
    private final Duration ttl;

    RedisResolutionCache(
            StringRedisTemplate redis,
            JsonMapper json,
            CircuitBreaker redisCircuitBreaker,
            EnforcementProperties properties) {
        this.redis = redis;
        this.json = json;
        this.breaker = redisCircuitBreaker;
        this.ttl = properties.sharedCacheTtl();
    }

    @Override
    public Optional<KeyResolution> get(String keyHash) {
        if (!breaker.tryAcquirePermission()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            String value = redis.opsForValue().get(RedisKeys.resolution(keyHash));
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return value == null ? Optional.empty() : Optional.of(json.readValue(value, KeyResolution.class));
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            log.debug("Redis key cache unreadable, asking plans-service", e);
            return Optional.empty();
        }
    }

    @Override
    public void put(String keyHash, KeyResolution resolution) {
        if (!breaker.tryAcquirePermission()) {
            return;
        }
        long start = System.nanoTime();
        try {
            String value = json.writeValueAsString(resolution);
            redis.opsForValue().set(RedisKeys.resolution(keyHash), value, ttl);
            for (KeyResolution.TenantLevel level : resolution.chain()) {
                String tag = RedisKeys.tenantTag(level.tenantId());
                redis.opsForSet().add(tag, keyHash);
                // the tag outlives its entries, so a later eviction still finds them
                redis.expire(tag, ttl.multipliedBy(2));
            }
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            log.debug("Redis key cache not written", e);
        }
    }

    @Override
    public void evictEverywhere(Collection<String> keyHashes, Collection<UUID> tenantIds) {
        Set<String> hashes = new LinkedHashSet<>(keyHashes);
        for (UUID tenant : tenantIds) {
            String tag = RedisKeys.tenantTag(tenant);
            Set<String> members = redis.opsForSet().members(tag);
            if (members != null) {
                hashes.addAll(members);
            }
            redis.delete(tag);
        }
        for (String hash : hashes) {
            redis.delete(RedisKeys.resolution(hash));
        }
        redis.convertAndSend(
                RedisKeys.EVICTIONS_CHANNEL,
                EvictionMessage.of(hashes, tenantIds).encode());
    }
}
