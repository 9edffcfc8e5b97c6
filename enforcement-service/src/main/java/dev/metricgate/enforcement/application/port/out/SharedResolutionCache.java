package dev.metricgate.enforcement.application.port.out;

import dev.metricgate.contracts.KeyResolution;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * The key-resolution cache shared by all instances (Redis), with one tag set per tenant naming the
 * entries that depend on it. Failures are absorbed: a cache that cannot answer is a miss.
 */
public interface SharedResolutionCache {

    Optional<KeyResolution> get(String keyHash);

    void put(String keyHash, KeyResolution resolution);

    /**
     * Removes the named entries and every entry tagged with one of the tenants, and tells every
     * instance to drop the same from its in-process cache.
     */
    void evictEverywhere(Collection<String> keyHashes, Collection<UUID> tenantIds);
}
