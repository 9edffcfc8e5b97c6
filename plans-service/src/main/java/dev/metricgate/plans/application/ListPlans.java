package dev.metricgate.plans.application;

import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.Plan;
import dev.metricgate.plans.domain.PlanCatalog;
import java.util.List;

/** The plans the caller may see (platform-wide ones and those of its own tree), by name. */
public final class ListPlans {

    private final Transactions tx;
    private final PlanRepository plans;
    private final TenantAccess access;

    public ListPlans(Transactions tx, PlanRepository plans, TenantAccess access) {
        this.tx = tx;
        this.plans = plans;
        this.access = access;
    }

    public Page<PlanView> handle(int page, int size, Caller caller) {
        return tx.read(() -> {
            List<Plan> all = plans.findAll();
            PlanCatalog catalog = new PlanCatalog(all);
            var canSee = access.planVisibility(caller);
            List<PlanView> visible = all.stream()
                    .filter(canSee)
                    .map(plan -> new PlanView(plan, catalog.effective(plan.id()), List.of()))
                    .toList();
            int from = Math.min(visible.size(), page * size);
            int to = Math.min(visible.size(), from + size);
            return new Page<>(visible.subList(from, to), page, size, visible.size());
        });
    }
}
