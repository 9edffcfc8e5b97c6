package dev.metricgate.plans.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenants")
class TenantJpaEntity {

    @Id
    UUID id;

    String name;
    String kind;

    @Column(name = "parent_id")
    UUID parentId;

    String status;

    @Column(name = "plan_id")
    UUID planId;

    @Column(name = "time_zone")
    String timeZone;

    @Column(name = "billing_anchor_day")
    int billingAnchorDay;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "updated_at")
    Instant updatedAt;
}
