package dev.metricgate.enforcement.application;

import dev.metricgate.enforcement.application.port.out.TenantCounters;
import java.util.Collection;
import java.util.UUID;

/**
 * A subtree moved into another tree keeps what it has used: its counters move from the old root's
 * hash tag to the new root's (ADR 0016). Runs after the move's evictions, so checks that meanwhile
 * charged under the new root are added to, not overwritten.
 */
public final class MoveTenantCounters {

    private final TenantCounters counters;

    public MoveTenantCounters(TenantCounters counters) {
        this.counters = counters;
    }

    public void move(UUID fromRoot, UUID toRoot, Collection<UUID> tenants) {
        if (fromRoot == null || toRoot == null || fromRoot.equals(toRoot) || tenants.isEmpty()) {
            return;
        }
        counters.move(fromRoot, toRoot, tenants);
    }
}
