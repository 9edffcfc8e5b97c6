package dev.metricgate.plans.application;

import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.Hierarchy;
import dev.metricgate.plans.domain.PlanCatalog;
import java.util.List;
import java.util.UUID;

public final class GetTenant {

    private final Transactions tx;
    private final PlanRepository plans;
    private final TenantAccess access;

    public GetTenant(Transactions tx, PlanRepository plans, TenantAccess access) {
        this.tx = tx;
        this.plans = plans;
        this.access = access;
    }

    public TenantView handle(UUID tenantId, Caller caller) {
        return tx.read(() -> {
            Hierarchy hierarchy = access.visibleTree(caller, tenantId);
            return TenantView.of(hierarchy, new PlanCatalog(plans.findAll()), tenantId, List.of());
        });
    }
}
