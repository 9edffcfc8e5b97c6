package dev.metricgate.plans.application;

import dev.metricgate.plans.domain.EffectiveLimits;
import dev.metricgate.plans.domain.Hierarchy;
import dev.metricgate.plans.domain.PlanCatalog;
import dev.metricgate.plans.domain.Tenant;
import dev.metricgate.plans.domain.Warning;
import java.util.List;
import java.util.UUID;

/**
 * A tenant with its place in the hierarchy and the plan that applies to it.
 *
 * @param ancestors root first, without the tenant itself
 * @param effectivePlanId the tenant's own plan or its nearest ancestor's, {@code null} if none
 * @param planSourceTenantId the tenant the effective plan is assigned to
 */
public record TenantView(
        Tenant tenant,
        int level,
        List<Tenant> ancestors,
        UUID effectivePlanId,
        UUID planSourceTenantId,
        EffectiveLimits effectiveLimits,
        List<Warning> warnings) {

    static TenantView of(Hierarchy hierarchy, PlanCatalog plans, UUID id, List<Warning> warnings) {
        List<Tenant> chain = hierarchy.chain(id);
        Tenant source = hierarchy.planSource(id);
        return new TenantView(
                hierarchy.get(id),
                chain.size(),
                chain.subList(0, chain.size() - 1),
                source == null ? null : source.planId(),
                source == null ? null : source.id(),
                hierarchy.effectiveLimits(id, plans),
                warnings);
    }
}
