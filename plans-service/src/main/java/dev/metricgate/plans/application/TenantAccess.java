package dev.metricgate.plans.application;

import dev.metricgate.plans.application.port.out.TenantRepository;
import dev.metricgate.plans.domain.ForbiddenException;
import dev.metricgate.plans.domain.Hierarchy;
import dev.metricgate.plans.domain.NotFoundException;
import dev.metricgate.plans.domain.Plan;
import dev.metricgate.plans.domain.Tenant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Resource-based authorization: a platform admin acts anywhere; a {@code tenant-*} caller only inside
 * the subtree rooted at its {@code tenant_id}, and a viewer only reads. Anything outside the
 * caller's subtree answers 404, exactly like a resource that does not exist (ADR 0100).
 */
public final class TenantAccess {

    private final TenantRepository tenants;

    public TenantAccess(TenantRepository tenants) {
        this.tenants = tenants;
    }

    /** The tree of {@code tenantId} if the caller may see the tenant, else 404. */
    public Hierarchy visibleTree(Caller caller, UUID tenantId) {
        List<Tenant> tree = tenants.treeOf(tenantId);
        if (tree.isEmpty()) {
            throw NotFoundException.tenant(tenantId);
        }
        Hierarchy hierarchy = new Hierarchy(tree);
        requireVisible(caller, hierarchy, tenantId);
        return hierarchy;
    }

    /** The tree of {@code tenantId} if the caller may change the tenant: 404 outside, 403 for a viewer. */
    public Hierarchy manageableTree(Caller caller, UUID tenantId) {
        Hierarchy hierarchy = visibleTree(caller, tenantId);
        requireManager(caller);
        return hierarchy;
    }

    /**
     * The tree of a key's tenant if the caller may change the key: outside the caller's subtree the
     * key answers 404 exactly like an unknown key; a viewer gets 403.
     */
    public Hierarchy manageableTreeOfKey(Caller caller, UUID keyId, UUID keyTenantId) {
        Hierarchy hierarchy;
        try {
            hierarchy = visibleTree(caller, keyTenantId);
        } catch (NotFoundException e) {
            throw NotFoundException.apiKey(keyId);
        }
        requireManager(caller);
        return hierarchy;
    }

    public void requireVisible(Caller caller, Hierarchy hierarchy, UUID tenantId) {
        if (!isInSubtree(caller, hierarchy, tenantId)) {
            throw NotFoundException.tenant(tenantId);
        }
    }

    public void requireManageable(Caller caller, Hierarchy hierarchy, UUID tenantId) {
        requireVisible(caller, hierarchy, tenantId);
        requireManager(caller);
    }

    public static void requireManager(Caller caller) {
        if (!caller.canManage()) {
            throw new ForbiddenException("forbidden", "A tenant-viewer may only read.");
        }
    }

    public static void requirePlatformAdmin(Caller caller, String what) {
        if (!caller.platformAdmin()) {
            throw new ForbiddenException("forbidden", "Only a platform admin may " + what + ".");
        }
    }

    /** A tenant admin may not change plan, parent, status or existence of its own top tenant. */
    public static void requireNotOwnTopTenant(Caller caller, UUID tenantId, String what) {
        if (!caller.platformAdmin() && tenantId.equals(caller.tenantId())) {
            throw new ForbiddenException(
                    "tenant.own_tenant_restricted", "A tenant admin may not " + what + " of its own tenant.");
        }
    }

    public static boolean isInSubtree(Caller caller, Hierarchy hierarchy, UUID tenantId) {
        if (caller.platformAdmin()) {
            return true;
        }
        if (caller.tenantId() == null || !hierarchy.contains(tenantId)) {
            return false;
        }
        return hierarchy.chain(tenantId).stream().anyMatch(t -> t.id().equals(caller.tenantId()));
    }

    /**
     * Whether the caller may see a plan: platform-wide plans are visible to everyone, a reseller's
     * own plans to its subtree and to the tenants above it.
     */
    public boolean canSee(Caller caller, Plan plan) {
        return planVisibility(caller).test(plan);
    }

    /** {@link #canSee} for many plans, loading the caller's tree once. */
    public Predicate<Plan> planVisibility(Caller caller) {
        if (caller.platformAdmin()) {
            return plan -> true;
        }
        if (caller.tenantId() == null) {
            return plan -> plan.ownerTenantId() == null;
        }
        Hierarchy hierarchy = new Hierarchy(tenants.treeOf(caller.tenantId()));
        if (!hierarchy.contains(caller.tenantId())) {
            return plan -> plan.ownerTenantId() == null;
        }
        Set<UUID> visibleOwners = new HashSet<>();
        hierarchy.subtree(caller.tenantId()).forEach(t -> visibleOwners.add(t.id()));
        hierarchy.chain(caller.tenantId()).forEach(t -> visibleOwners.add(t.id()));
        return plan -> plan.ownerTenantId() == null || visibleOwners.contains(plan.ownerTenantId());
    }

    /** Whether the caller may change a plan: a platform plan only a platform admin, an owned one its subtree's admins. */
    public void requireManageable(Caller caller, Plan plan) {
        if (!canSee(caller, plan)) {
            throw NotFoundException.plan(plan.id());
        }
        if (plan.ownerTenantId() == null) {
            requirePlatformAdmin(caller, "change a platform-wide plan");
            return;
        }
        Hierarchy hierarchy = new Hierarchy(tenants.treeOf(plan.ownerTenantId()));
        if (!isInSubtree(caller, hierarchy, plan.ownerTenantId())) {
            throw new ForbiddenException("forbidden", "The plan belongs to a tenant above the caller's.");
        }
        requireManager(caller);
    }
}
