package dev.metricgate.plans.application;

import dev.metricgate.contracts.PlanChangeEvent;
import dev.metricgate.contracts.PlanChangeEvent.ChangeType;
import dev.metricgate.plans.application.port.out.AuditLog;
import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.TenantRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.Hierarchy;
import dev.metricgate.plans.domain.NotFoundException;
import dev.metricgate.plans.domain.Plan;
import dev.metricgate.plans.domain.PlanCatalog;
import dev.metricgate.plans.domain.Tenant;
import dev.metricgate.plans.domain.TenantStatus;
import dev.metricgate.plans.domain.Warning;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Rename, move, assign a plan, suspend or resume, change the billing calendar: one PATCH. */
public final class UpdateTenant {

    /**
     * Only the fields marked as present change; {@code parentId} and {@code planId} may be set to
     * {@code null} on purpose (make root, unassign plan).
     */
    public record UpdateTenantCommand(
            UUID id,
            String name,
            boolean parentIdPresent,
            UUID parentId,
            boolean planIdPresent,
            UUID planId,
            TenantStatus status,
            String timeZone,
            Integer billingAnchorDay) {}

    private final Transactions tx;
    private final TenantRepository tenants;
    private final PlanRepository plans;
    private final TenantAccess access;
    private final AuditLog audit;
    private final ChangeEvents events;
    private final Clock clock;

    public UpdateTenant(
            Transactions tx,
            TenantRepository tenants,
            PlanRepository plans,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        this.tx = tx;
        this.tenants = tenants;
        this.plans = plans;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public TenantView handle(UpdateTenantCommand command, Caller caller) {
        return tx.write(() -> {
            Instant now = clock.instant();
            Hierarchy hierarchy = access.manageableTree(caller, command.id());
            Tenant tenant = hierarchy.get(command.id());
            tenant.requireNotDeleted();
            PlanCatalog catalog = new PlanCatalog(plans.findAll());
            List<String> changes = new ArrayList<>();
            ChangeType type = ChangeType.TENANT_UPDATED;
            PlanChangeEvent.Move move = null;

            if (command.name() != null && !command.name().equals(tenant.name())) {
                tenant.rename(command.name(), now);
                changes.add("name=" + command.name());
            }
            if (command.timeZone() != null || command.billingAnchorDay() != null) {
                tenant.changeBillingCalendar(command.timeZone(), command.billingAnchorDay(), now);
                changes.add("timeZone=" + tenant.timeZone() + ", billingAnchorDay=" + tenant.billingAnchorDay());
            }
            if (command.planIdPresent() && !Objects.equals(command.planId(), tenant.planId())) {
                TenantAccess.requireNotOwnTopTenant(caller, tenant.id(), "change the plan");
                if (command.planId() != null) {
                    Plan plan =
                            catalog.find(command.planId()).orElseThrow(() -> NotFoundException.plan(command.planId()));
                    if (!access.canSee(caller, plan)) {
                        throw NotFoundException.plan(command.planId());
                    }
                }
                tenant.assignPlan(command.planId(), now);
                changes.add("planId=" + command.planId());
            }
            if (command.status() != null && command.status() != tenant.status()) {
                TenantAccess.requireNotOwnTopTenant(caller, tenant.id(), "change the status");
                tenant.changeStatus(command.status(), now);
                type = command.status() == TenantStatus.SUSPENDED
                        ? ChangeType.TENANT_SUSPENDED
                        : ChangeType.TENANT_RESUMED;
                changes.add("status=" + command.status());
            }
            if (command.parentIdPresent() && !Objects.equals(command.parentId(), tenant.parentId())) {
                TenantAccess.requireNotOwnTopTenant(caller, tenant.id(), "move");
                UUID newParentId = command.parentId();
                if (newParentId == null) {
                    TenantAccess.requirePlatformAdmin(caller, "make a tenant a root");
                } else if (!hierarchy.contains(newParentId)) {
                    access.visibleTree(caller, newParentId).all().forEach(hierarchy::put);
                }
                if (newParentId != null) {
                    access.requireManageable(caller, hierarchy, newParentId);
                }
                hierarchy.checkPlacement(tenant, newParentId);
                UUID rootBefore = hierarchy.chain(tenant.id()).getFirst().id();
                tenant.moveTo(newParentId, now);
                type = ChangeType.TENANT_MOVED;
                // enforcement keeps counters per tree: naming both roots lets them follow the move
                move = new PlanChangeEvent.Move(
                        rootBefore, hierarchy.chain(tenant.id()).getFirst().id());
                changes.add("parentId=" + newParentId);
            }
            if (changes.isEmpty()) {
                return TenantView.of(hierarchy, catalog, tenant.id(), List.of());
            }
            hierarchy.checkCeilings(tenant.id(), catalog);
            List<Warning> warnings =
                    tenant.parentId() == null ? List.of() : hierarchy.overbooking(tenant.parentId(), catalog);
            tenants.save(tenant);
            audit.append(new AuditEntry(
                    now,
                    caller.subject(),
                    "tenant.updated",
                    "tenant",
                    tenant.id(),
                    tenant.id(),
                    String.join(", ", changes)));
            events.record(
                    type,
                    now,
                    tenant.id(),
                    hierarchy.effectivePlanId(tenant.id()),
                    ChangeEvents.snapshots(hierarchy, catalog, hierarchy.subtree(tenant.id())),
                    List.of(),
                    move);
            return TenantView.of(hierarchy, catalog, tenant.id(), warnings);
        });
    }
}
