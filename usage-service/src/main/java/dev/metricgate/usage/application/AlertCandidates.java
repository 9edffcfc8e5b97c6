package dev.metricgate.usage.application;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants whose usage or quota changed since the last quota evaluation. Kept in memory: a restart
 * loses it, which is why evaluation also sweeps every tenant with a quota from time to time.
 */
public class AlertCandidates {

    private final Set<UUID> tenants = ConcurrentHashMap.newKeySet();

    public void add(Collection<UUID> tenantIds) {
        tenants.addAll(tenantIds);
    }

    public List<UUID> drain() {
        List<UUID> drained = List.copyOf(tenants);
        tenants.removeAll(drained);
        return drained;
    }
}
