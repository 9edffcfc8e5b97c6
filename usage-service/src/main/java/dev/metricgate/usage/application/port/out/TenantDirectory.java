package dev.metricgate.usage.application.port.out;

import dev.metricgate.usage.domain.Tenant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The local copy of the tenant hierarchy, fed by plan-change events. */
public interface TenantDirectory {

    Optional<Tenant> find(UUID tenantId);

    /** The tenant and its ancestors, starting with the tenant itself; empty when unknown. */
    List<UUID> chain(UUID tenantId);

    /** Stores the snapshot unless a newer one is stored already; returns whether it was applied. */
    boolean apply(Tenant tenant);

    /** Records that an event was handled; returns {@code false} when it was handled before. */
    boolean markProcessed(UUID eventId, String source);

    /** Every tenant with a finite quota. */
    List<Tenant> withQuota();
}
