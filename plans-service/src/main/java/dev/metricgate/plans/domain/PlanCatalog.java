package dev.metricgate.plans.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Every plan, for resolving inheritance and checking ceilings along the plan tree. */
public final class PlanCatalog {

    private final Map<UUID, Plan> plans = new LinkedHashMap<>();

    public PlanCatalog(List<Plan> plans) {
        plans.forEach(plan -> this.plans.put(plan.id(), plan));
    }

    public Optional<Plan> find(UUID id) {
        return Optional.ofNullable(plans.get(id));
    }

    public void put(Plan plan) {
        plans.put(plan.id(), plan);
    }

    public void remove(UUID id) {
        plans.remove(id);
    }

    /** The effective limits of a plan; {@link EffectiveLimits#UNLIMITED} for no plan. */
    public EffectiveLimits effective(UUID planId) {
        if (planId == null) {
            return EffectiveLimits.UNLIMITED;
        }
        List<Plan> chain = chain(planId);
        EffectiveLimits limits = EffectiveLimits.UNLIMITED;
        for (int i = chain.size() - 1; i >= 0; i--) {
            limits = chain.get(i).limits().over(limits);
        }
        return limits;
    }

    /** The plan and its ancestors, the plan first; rejects a cycle. */
    public List<Plan> chain(UUID planId) {
        List<Plan> chain = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        UUID current = planId;
        while (current != null) {
            if (!seen.add(current)) {
                throw new RuleViolationException("plan.cycle", "The parent plans would form a cycle.");
            }
            Plan plan = plans.get(current);
            if (plan == null) {
                throw NotFoundException.plan(current);
            }
            chain.add(plan);
            current = plan.parentPlanId();
        }
        return chain;
    }

    /** The plan and every plan derived from it, directly or not. */
    public Set<UUID> withDescendants(UUID planId) {
        Set<UUID> result = new LinkedHashSet<>();
        result.add(planId);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Plan plan : plans.values()) {
                if (plan.parentPlanId() != null && result.contains(plan.parentPlanId()) && result.add(plan.id())) {
                    grew = true;
                }
            }
        }
        return result;
    }

    public List<Plan> children(UUID planId) {
        return plans.values().stream()
                .filter(plan -> planId.equals(plan.parentPlanId()))
                .toList();
    }

    /**
     * Checks that the plan and every plan derived from it stay within their parents' effective
     * limits, and that the plan tree has no cycle.
     */
    public void checkCeilings(UUID planId) {
        for (UUID id : withDescendants(planId)) {
            Plan plan = chain(id).getFirst();
            if (plan.parentPlanId() == null) {
                continue;
            }
            List<String> exceeded = effective(id).exceededFields(effective(plan.parentPlanId()));
            if (!exceeded.isEmpty()) {
                throw new RuleViolationException(
                        "plan.ceiling_exceeded",
                        "Plan " + id + " exceeds its parent plan in " + String.join(", ", exceeded) + ".");
            }
        }
    }
}
