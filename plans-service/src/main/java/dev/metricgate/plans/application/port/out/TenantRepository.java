package dev.metricgate.plans.application.port.out;

import dev.metricgate.plans.application.Page;
import dev.metricgate.plans.domain.Tenant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface TenantRepository {

    Optional<Tenant> find(UUID id);

    /** The whole tree the tenant belongs to (its root and every descendant), or empty if unknown. */
    List<Tenant> treeOf(UUID id);

    /** The whole trees of every tenant that has one of the plans assigned directly. */
    List<Tenant> treesUsingPlans(Collection<UUID> planIds);

    /** Live children of a parent, or live root tenants for {@code parentId == null}, by name. */
    Page<Tenant> children(UUID parentId, int page, int size);

    boolean isPlanAssigned(UUID planId);

    void save(Tenant tenant);
}
