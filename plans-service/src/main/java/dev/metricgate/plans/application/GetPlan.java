package dev.metricgate.plans.application;

import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.NotFoundException;
import dev.metricgate.plans.domain.Plan;
import dev.metricgate.plans.domain.PlanCatalog;
import java.util.List;
import java.util.UUID;

public final class GetPlan {

    private final Transactions tx;
    private final PlanRepository plans;
    private final TenantAccess access;

    public GetPlan(Transactions tx, PlanRepository plans, TenantAccess access) {
        this.tx = tx;
        this.plans = plans;
        this.access = access;
    }

    public PlanView handle(UUID planId, Caller caller) {
        return tx.read(() -> {
            PlanCatalog catalog = new PlanCatalog(plans.findAll());
            Plan plan = catalog.find(planId).orElseThrow(() -> NotFoundException.plan(planId));
            if (!access.canSee(caller, plan)) {
                throw NotFoundException.plan(planId);
            }
            return new PlanView(plan, catalog.effective(planId), List.of());
        });
    }
}
