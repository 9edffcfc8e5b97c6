package dev.metricgate.plans.application;

import dev.metricgate.contracts.PlanChangeEvent.ChangeType;
import dev.metricgate.plans.application.port.out.AuditLog;
import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.TenantRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.Hierarchy;
import dev.metricgate.plans.domain.Limits;
import dev.metricgate.plans.domain.NotFoundException;
import dev.metricgate.plans.domain.Plan;
import dev.metricgate.plans.domain.PlanCatalog;
import dev.metricgate.plans.domain.Tenant;
import dev.metricgate.plans.domain.Warning;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Replaces a plan's name, parent and own limits. The plan tree and every tenant the plan applies to
 * (directly or by inheritance) are checked against their ceilings before anything is written.
 */
public final class UpdatePlan {

    public record UpdatePlanCommand(UUID id, String name, UUID parentPlanId, Limits limits) {}

    private final Transactions tx;
    private final PlanRepository plans;
    private final TenantRepository tenants;
    private final TenantAccess access;
    private final AuditLog audit;
    private final ChangeEvents events;
    private final Clock clock;

    public UpdatePlan(
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

    public PlanView handle(UpdatePlanCommand command, Caller caller) {
        return tx.write(() -> {
            Instant now = clock.instant();
            PlanCatalog catalog = new PlanCatalog(plans.findAll());
            Plan plan = catalog.find(command.id()).orElseThrow(() -> NotFoundException.plan(command.id()));
            access.requireManageable(caller, plan);
            if (command.parentPlanId() != null) {
                Plan parent = catalog.find(command.parentPlanId())
                        .orElseThrow(() -> NotFoundException.plan(command.parentPlanId()));
                if (!access.canSee(caller, parent)) {
                    throw NotFoundException.plan(command.parentPlanId());
                }
            }
            plan.replace(command.name(), command.parentPlanId(), command.limits(), now);
            catalog.checkCeilings(plan.id());

            Set<UUID> affectedPlans = catalog.withDescendants(plan.id());
            Hierarchy hierarchy = new Hierarchy(tenants.treesUsingPlans(affectedPlans));
            List<Tenant> affected = hierarchy.all().stream()
                    .filter(t -> affectedPlans.contains(hierarchy.effectivePlanId(t.id())))
                    .toList();
            Set<UUID> parents = new LinkedHashSet<>();
            for (Tenant tenant : affected) {
                hierarchy.checkCeilings(tenant.id(), catalog);
                if (tenant.parentId() != null) {
                    parents.add(tenant.parentId());
                }
            }
            List<Warning> warnings = parents.stream()
                    .flatMap(parent -> hierarchy.overbooking(parent, catalog).stream())
                    .toList();
            plans.save(plan);
            audit.append(new AuditEntry(
                    now,
                    caller.subject(),
                    "plan.updated",
                    "plan",
                    plan.id(),
                    plan.ownerTenantId(),
                    "name=" + plan.name() + ", parentPlanId=" + plan.parentPlanId() + ", limits=" + plan.limits()));
            events.record(
                    ChangeType.PLAN_UPDATED,
                    now,
                    null,
                    plan.id(),
                    ChangeEvents.snapshots(hierarchy, catalog, affected),
                    List.of());
            return new PlanView(plan, catalog.effective(plan.id()), warnings);
        });
    }
}
