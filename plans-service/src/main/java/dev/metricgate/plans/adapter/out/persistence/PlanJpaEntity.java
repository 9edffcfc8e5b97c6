package dev.metricgate.plans.adapter.out.persistence;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "plans")
class PlanJpaEntity {

    @Id
    UUID id;

    String name;

    @Column(name = "parent_plan_id")
    UUID parentPlanId;

    @Column(name = "owner_tenant_id")
    UUID ownerTenantId;

    @Column(name = "requests_per_second")
    Integer requestsPerSecond;

    Integer burst;

    @Column(name = "monthly_quota")
    Long monthlyQuota;

    /** Distinguishes "inherit the parent's route limits" (false) from "exactly these, maybe none". */
    @Column(name = "route_limits_set")
    boolean routeLimitsSet;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_route_limits", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderBy("route")
    List<RouteLimitEmbeddable> routeLimits = new ArrayList<>();

    @Column(name = "failure_mode")
    String failureMode;

    Boolean shadow;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Embeddable
    static class RouteLimitEmbeddable {

        String route;

        @Column(name = "requests_per_second")
        int requestsPerSecond;

        int burst;
    }
}
