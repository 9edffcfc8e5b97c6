package dev.metricgate.plans.application;

import dev.metricgate.contracts.PlanChangeEvent.ChangeType;
import dev.metricgate.plans.application.port.out.AuditLog;
import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.TenantRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.ConflictException;
import dev.metricgate.plans.domain.NotFoundException;
import dev.metricgate.plans.domain.Plan;
import dev.metricgate.plans.domain.PlanCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Deletes a plan no tenant uses and no plan derives from (409 otherwise). */
public final class DeletePlan {

    private final Transactions tx;
    private final PlanRepository plans;
    private final TenantRepository tenants;
    private final TenantAccess access;
    private final AuditLog audit;
    private final ChangeEvents events;
    private final Clock clock;

    public DeletePlan(
            Transactions tx,
            PlanRepository plans,
            TenantRepository tenants,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        this.tx = tx;
        this.plans = plans;
        this.tenants = tenants;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public void handle(UUID planId, Caller caller) {
        tx.write(() -> {
            Instant now = clock.instant();
            PlanCatalog catalog = new PlanCatalog(plans.findAll());
            Plan plan = catalog.find(planId).orElseThrow(() -> NotFoundException.plan(planId));
            access.requireManageable(caller, plan);
            if (tenants.isPlanAssigned(planId)) {
                throw new ConflictException("plan.assigned", "Plan " + planId + " is assigned to a tenant.");
            }
            if (!catalog.children(planId).isEmpty()) {
                throw new ConflictException("plan.has_children", "Other plans derive from plan " + planId + ".");
            }
            plans.delete(planId);
            audit.append(new AuditEntry(
                    now,
                    caller.subject(),
                    "plan.deleted",
                    "plan",
                    planId,
                    plan.ownerTenantId(),
                    "name=" + plan.name()));
            events.record(ChangeType.PLAN_DELETED, now, null, planId, List.of(), List.of());
            return null;
        });
    }
}
