package dev.metricgate.enforcement.adapter.out.local;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.metricgate.enforcement.application.port.out.LocalResolutionCache;
import dev.metricgate.enforcement.config.EnforcementProperties;
import dev.metricgate.enforcement.domain.ResolvedKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The in-process key cache: known keys for the backstop TTL, unknown keys only briefly. Evicting
 * by tenant walks the entries, which is fine for the rare hierarchy change.
 */
@Component
class CaffeineResolutionCache implements LocalResolutionCache {

    private final Cache<String, ResolvedKey> cache;
    private final Counter evictions;

    CaffeineResolutionCache(EnforcementProperties properties, MeterRegistry meters) {
        long known = properties.localCacheTtl().toNanos();
        long unknown = properties.negativeCacheTtl().toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.localCacheSize())
                .expireAfter(Expiry.<String, ResolvedKey>writing(
                        (hash, resolved) -> Duration.ofNanos(resolved.known() ? known : unknown)))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "metricgate.key.local");
        this.evictions = Counter.builder("metricgate.key.evictions")
                .description("In-process key entries dropped because of a change event")
                .register(meters);
    }

    @Override
    public ResolvedKey get(String keyHash) {
        return cache.getIfPresent(keyHash);
    }

    @Override
    public void put(String keyHash, ResolvedKey resolved) {
        cache.put(keyHash, resolved);
    }

    @Override
    public void evict(Collection<String> keyHashes, Collection<UUID> tenantIds) {
        for (String hash : keyHashes) {
            if (cache.asMap().remove(hash) != null) {
                evictions.increment();
            }
        }
        if (!tenantIds.isEmpty()) {
            cache.asMap().entrySet().removeIf(entry -> {
                ResolvedKey resolved = entry.getValue();
                boolean dependent = resolved.known() && tenantIds.stream().anyMatch(resolved.grant()::dependsOn);
                if (dependent) {
                    evictions.increment();
                }
                return dependent;
            });
        }
    }
}
