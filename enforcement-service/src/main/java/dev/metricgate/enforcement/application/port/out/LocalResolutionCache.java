package dev.metricgate.enforcement.application.port.out;

import dev.metricgate.enforcement.domain.ResolvedKey;
import java.util.Collection;
import java.util.UUID;

/** This instance's in-process key cache; unknown keys are cached briefly too. */
public interface LocalResolutionCache {

    /** @return the cached entry or {@code null} */
    ResolvedKey get(String keyHash);

    void put(String keyHash, ResolvedKey resolved);

    /** Drops the named entries and every entry whose chain contains one of the tenants. */
    void evict(Collection<String> keyHashes, Collection<UUID> tenantIds);
}
