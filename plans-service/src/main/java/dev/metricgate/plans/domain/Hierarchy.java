package dev.metricgate.plans.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A set of tenants closed under "parent of" (whole trees, or chains up to a root), with the rules
 * of the hierarchy: at most {@value #MAX_LEVELS} levels, no cycles, customers are leaves, a
 * tenant's effective limits within its parent's.
 */
public final class Hierarchy {

    public static final int MAX_LEVELS = 4;

    private final Map<UUID, Tenant> tenants = new LinkedHashMap<>();

    public Hierarchy(Collection<Tenant> tenants) {
        tenants.forEach(this::put);
    }

    public void put(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
    }

    public Tenant get(UUID id) {
        Tenant tenant = tenants.get(id);
        if (tenant == null) {
            throw NotFoundException.tenant(id);
        }
        return tenant;
    }

    public List<Tenant> all() {
        return List.copyOf(tenants.values());
    }

    public boolean contains(UUID id) {
        return tenants.containsKey(id);
    }

    /** The tenant and its ancestors, root first. */
    public List<Tenant> chain(UUID id) {
        List<Tenant> chain = new ArrayList<>();
        Tenant current = get(id);
        while (current != null) {
            if (chain.contains(current) || chain.size() > tenants.size()) {
                throw new RuleViolationException("tenant.cycle", "The hierarchy would contain a cycle.");
            }
            chain.addFirst(current);
            current = current.parentId() == null ? null : get(current.parentId());
        }
        return chain;
    }

    public int level(UUID id) {
        return chain(id).size();
    }

    public List<Tenant> children(UUID id) {
        return tenants.values().stream().filter(t -> id.equals(t.parentId())).toList();
    }

    public List<Tenant> liveChildren(UUID id) {
        return children(id).stream().filter(Tenant::isLive).toList();
    }

    /** The tenant and all its descendants, parents before children. */
    public List<Tenant> subtree(UUID id) {
        List<Tenant> result = new ArrayList<>();
        result.add(get(id));
        for (int i = 0; i < result.size(); i++) {
            result.addAll(children(result.get(i).id()));
        }
        return result;
    }

    /** Number of levels of the subtree rooted at {@code id} (1 for a leaf). */
    public int height(UUID id) {
        int height = 1;
        for (Tenant child : children(id)) {
            height = Math.max(height, 1 + height(child.id()));
        }
        return height;
    }

    /** The tenant whose plan applies: itself if it has one, else its nearest ancestor with one. */
    public Tenant planSource(UUID id) {
        List<Tenant> chain = chain(id);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).planId() != null) {
                return chain.get(i);
            }
        }
        return null;
    }

    public UUID effectivePlanId(UUID id) {
        Tenant source = planSource(id);
        return source == null ? null : source.planId();
    }

    public EffectiveLimits effectiveLimits(UUID id, PlanCatalog plans) {
        return plans.effective(effectivePlanId(id));
    }

    /**
     * Checks that {@code tenant} may live under {@code parentId}: the parent is a live reseller,
     * the move forms no cycle and the deepest descendant stays within {@value #MAX_LEVELS} levels.
     */
    public void checkPlacement(Tenant tenant, UUID parentId) {
        if (parentId == null) {
            return;
        }
        Tenant parent = get(parentId);
        if (!parent.isLive()) {
            throw new RuleViolationException("tenant.parent_deleted", "The parent tenant is deleted.");
        }
        if (parent.kind() == TenantKind.CUSTOMER) {
            throw new RuleViolationException(
                    "tenant.customer_cannot_have_children", "A CUSTOMER tenant cannot have children.");
        }
        if (contains(tenant.id()) && chain(parentId).stream().anyMatch(t -> t.id().equals(tenant.id()))) {
            throw new RuleViolationException(
                    "tenant.cycle", "A tenant cannot be moved under itself or one of its descendants.");
        }
        int height = contains(tenant.id()) ? height(tenant.id()) : 1;
        if (level(parentId) + height > MAX_LEVELS) {
            throw new RuleViolationException(
                    "tenant.depth_exceeded", "The hierarchy has at most " + MAX_LEVELS + " levels.");
        }
    }

    /**
     * Checks, for every tenant of the subtree rooted at {@code id}, that its effective limits are
     * within its parent tenant's.
     */
    public void checkCeilings(UUID id, PlanCatalog plans) {
        for (Tenant tenant : subtree(id)) {
            if (tenant.parentId() == null || !tenant.isLive()) {
                continue;
            }
            List<String> exceeded =
                    effectiveLimits(tenant.id(), plans).exceededFields(effectiveLimits(tenant.parentId(), plans));
            if (!exceeded.isEmpty()) {
                throw new RuleViolationException(
                        "plan.ceiling_exceeded",
                        "Tenant " + tenant.id() + " would exceed its parent tenant in " + String.join(", ", exceeded)
                                + ".");
            }
        }
    }

    /**
     * The overbooking warning for a parent: its live children with their own plan have monthly
     * quotas adding up to more than the parent's. Children without a plan share the parent's
     * quota, so they are not counted.
     */
    public List<Warning> overbooking(UUID parentId, PlanCatalog plans) {
        if (parentId == null) {
            return List.of();
        }
        Long parentQuota = effectiveLimits(parentId, plans).monthlyQuota();
        if (parentQuota == null) {
            return List.of();
        }
        long sum = 0;
        for (Tenant child : liveChildren(parentId)) {
            if (child.planId() != null) {
                Long quota = plans.effective(child.planId()).monthlyQuota();
                sum += Objects.requireNonNullElse(quota, Long.MAX_VALUE / 8);
            }
        }
        if (sum <= parentQuota) {
            return List.of();
        }
        return List.of(new Warning(
                "plan.overbooked",
                "The monthly quotas of tenant " + parentId + "'s children add up to " + sum + ", more than its "
                        + parentQuota + "."));
    }
}
