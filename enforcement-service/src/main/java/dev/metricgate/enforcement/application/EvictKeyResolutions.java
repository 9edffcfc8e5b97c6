package dev.metricgate.enforcement.application;

import dev.metricgate.enforcement.application.port.out.LocalResolutionCache;
import dev.metricgate.enforcement.application.port.out.SharedResolutionCache;
import java.util.Collection;
import java.util.UUID;

/**
 * Turns a plan, tenant or key change into evictions: the changed keys and everything tagged with an
 * affected tenant, in Redis and on every instance (through Pub/Sub), this one included.
 */
public final class EvictKeyResolutions {

    private final SharedResolutionCache shared;
    private final LocalResolutionCache local;

    public EvictKeyResolutions(SharedResolutionCache shared, LocalResolutionCache local) {
        this.shared = shared;
        this.local = local;
    }

    public void evict(Collection<String> keyHashes, Collection<UUID> tenantIds) {
        local.evict(keyHashes, tenantIds);
        shared.evictEverywhere(keyHashes, tenantIds);
    }

    /** An eviction another instance announced: only this instance's in-process cache is concerned. */
    public void evictLocally(Collection<String> keyHashes, Collection<UUID> tenantIds) {
        local.evict(keyHashes, tenantIds);
    }
}
