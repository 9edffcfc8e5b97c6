package dev.metricgate.plans.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A named set of limits; fields it leaves {@code null} come from its parent plan. */
public final class Plan {

    public static final int MAX_NAME_LENGTH = 200;

    private final UUID id;
    private final UUID ownerTenantId;
    private final Instant createdAt;
    private String name;
    private UUID parentPlanId;
    private Limits limits;
    private Instant updatedAt;

    public Plan(
            UUID id,
            String name,
            UUID parentPlanId,
            UUID ownerTenantId,
            Limits limits,
            Instant createdAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.name = checkedName(name);
        this.parentPlanId = parentPlanId;
        this.ownerTenantId = ownerTenantId;
        this.limits = limits == null ? Limits.NONE : limits;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public static Plan create(UUID id, String name, UUID parentPlanId, UUID ownerTenantId, Limits limits, Instant now) {
        if (id.equals(parentPlanId)) {
            throw new RuleViolationException("plan.cycle", "A plan cannot be its own parent.");
        }
        return new Plan(id, name, parentPlanId, ownerTenantId, limits, now, now);
    }

    public void replace(String newName, UUID newParentPlanId, Limits newLimits, Instant now) {
        if (id.equals(newParentPlanId)) {
            throw new RuleViolationException("plan.cycle", "A plan cannot be its own parent.");
        }
        this.name = checkedName(newName);
        this.parentPlanId = newParentPlanId;
        this.limits = newLimits == null ? Limits.NONE : newLimits;
        this.updatedAt = now;
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new RuleViolationException("plan.invalid_name", "A plan name has 1 to 200 characters.");
        }
        return name;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UUID parentPlanId() {
        return parentPlanId;
    }

    public UUID ownerTenantId() {
        return ownerTenantId;
    }

    public Limits limits() {
        return limits;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
