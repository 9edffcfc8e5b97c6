package dev.metricgate.plans.application;

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
import dev.metricgate.plans.domain.TenantKind;
import dev.metricgate.plans.domain.Warning;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class CreateTenant {

    public record CreateTenantCommand(
            String name, TenantKind kind, UUID parentId, UUID planId, String timeZone, Integer billingAnchorDay) {}

    private final Transactions tx;
    private final TenantRepository tenants;
    private final PlanRepository plans;
    private final TenantAccess access;
    private final AuditLog audit;
    private final ChangeEvents events;
    private final Clock clock;

    public CreateTenant(
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

    public TenantView handle(CreateTenantCommand command, Caller caller) {
        return tx.write(() -> {
            Instant now = clock.instant();
            Hierarchy hierarchy;
            if (command.parentId() == null) {
                TenantAccess.requirePlatformAdmin(caller, "create a root tenant");
                hierarchy = new Hierarchy(List.of());
            } else {
                hierarchy = access.manageableTree(caller, command.parentId());
            }
            PlanCatalog catalog = new PlanCatalog(plans.findAll());
            if (command.planId() != null) {
                Plan plan = catalog.find(command.planId()).orElseThrow(() -> NotFoundException.plan(command.planId()));
                if (!access.canSee(caller, plan)) {
                    throw NotFoundException.plan(command.planId());
                }
            }
            Tenant tenant = Tenant.create(
                    UUID.randomUUID(),
                    command.name(),
                    command.kind(),
                    command.parentId(),
                    command.planId(),
                    command.timeZone(),
                    command.billingAnchorDay(),
                    now);
            hierarchy.checkPlacement(tenant, command.parentId());
            hierarchy.put(tenant);
            hierarchy.checkCeilings(tenant.id(), catalog);
            List<Warning> warnings = hierarchy.overbooking(command.parentId(), catalog);
            tenants.save(tenant);
            audit.append(new AuditEntry(
                    now,
                    caller.subject(),
                    "tenant.created",
                    "tenant",
                    tenant.id(),
                    tenant.id(),
                    "name=" + tenant.name() + ", kind=" + tenant.kind() + ", parentId=" + tenant.parentId()
                            + ", planId=" + tenant.planId()));
            events.record(
                    ChangeType.TENANT_CREATED,
                    now,
                    tenant.id(),
                    tenant.planId(),
                    ChangeEvents.snapshots(hierarchy, catalog, List.of(tenant)),
                    List.of());
            return TenantView.of(hierarchy, catalog, tenant.id(), warnings);
        });
    }
}
