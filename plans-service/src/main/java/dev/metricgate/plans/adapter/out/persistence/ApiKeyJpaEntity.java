package dev.metricgate.plans.adapter.out.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_keys")
class ApiKeyJpaEntity {

    @Id
    UUID id;

    @Column(name = "tenant_id")
    UUID tenantId;

    String prefix;
    String name;

    @Column(name = "key_hash")
    String keyHash;

    String status;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "grace_ends_at")
    Instant graceEndsAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "replaced_by")
    UUID replacedBy;
}
