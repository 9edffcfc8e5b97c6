package dev.metricgate.plans.application;

import dev.metricgate.contracts.PlanChangeEvent.ChangeType;
import dev.metricgate.plans.application.port.out.AuditLog;
import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.Limits;
import dev.metricgate.plans.domain.NotFoundException;
import dev.metricgate.plans.domain.Plan;
import dev.metricgate.plans.domain.PlanCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class CreatePlan {

    public record CreatePlanCommand(String name, UUID parentPlanId, UUID ownerTenantId, Limits limits) {}

    private final Transactions tx;
    private final PlanRepository plans;
    private final TenantAccess access;
    private final AuditLog audit;
    private final ChangeEvents events;
    private final Clock clock;

    public CreatePlan(
            Transactions tx,
            PlanRepository plans,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        this.tx = tx;
        this.plans = plans;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public PlanView handle(CreatePlanCommand command, Caller caller) {
        return tx.write(() -> {
            Instant now = clock.instant();
            if (command.ownerTenantId() == null) {
                TenantAccess.requirePlatformAdmin(caller, "create a platform-wide plan");
            } else {
                access.manageableTree(caller, command.ownerTenantId());
            }
            PlanCatalog catalog = new PlanCatalog(plans.findAll());
            if (command.parentPlanId() != null) {
                Plan parent = catalog.find(command.parentPlanId())
                        .orElseThrow(() -> NotFoundException.plan(command.parentPlanId()));
                if (!access.canSee(caller, parent)) {
                    throw NotFoundException.plan(command.parentPlanId());
                }
            }
            Plan plan = Plan.create(
                    UUID.randomUUID(),
                    command.name(),
                    command.parentPlanId(),
                    command.ownerTenantId(),
                    command.limits(),
                    now);
            catalog.put(plan);
            catalog.checkCeilings(plan.id());
            plans.save(plan);
            audit.append(new AuditEntry(
                    now,
                    caller.subject(),
                    "plan.created",
                    "plan",
                    plan.id(),
                    plan.ownerTenantId(),
                    "name=" + plan.name() + ", parentPlanId=" + plan.parentPlanId() + ", limits=" + plan.limits()));
            events.record(ChangeType.PLAN_CREATED, now, null, plan.id(), List.of(), List.of());
            return new PlanView(plan, catalog.effective(plan.id()), List.of());
        });
    }
}
