package dev.metricgate.plans.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "audit_events")
class AuditEventJpaEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "occurred_at")
    Instant occurredAt;

    String actor;
    String action;

    @Column(name = "target_type")
    String targetType;

    @Column(name = "target_id")
    UUID targetId;

    @Column(name = "tenant_id")
    UUID tenantId;

    String summary;
}
