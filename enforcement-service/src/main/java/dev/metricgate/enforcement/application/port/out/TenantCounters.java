package dev.metricgate.enforcement.application.port.out;

import java.util.Collection;
import java.util.UUID;

/** The shared counters of tenants as a whole, beyond one check's charge. */
public interface TenantCounters {

    /**
     * Moves every counter (tenant and route buckets, period quotas) of {@code tenants} from the tree
     * of {@code fromRoot} to the tree of {@code toRoot}, adding to what was charged there meanwhile.
     * Moving again finds nothing left to move.
     *
     * @return how many counters were moved
     */
    int move(UUID fromRoot, UUID toRoot, Collection<UUID> tenants);
}
