package dev.metricgate.plans.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An API key of a tenant, known only by the hash of its plaintext. */
public final class ApiKey {

    public static final int MAX_NAME_LENGTH = 200;
    public static final Duration DEFAULT_GRACE = Duration.ofDays(1);
    public static final Duration MAX_GRACE = Duration.ofDays(30);

    private final UUID id;
    private final UUID tenantId;
    private final String prefix;
    private final String name;
    private final String keyHash;
    private final Instant createdAt;
    private final Instant expiresAt;
    private ApiKeyStatus status;
    private Instant graceEndsAt;
    private Instant revokedAt;
    private UUID replacedBy;

    public ApiKey(
            UUID id,
            UUID tenantId,
            String prefix,
            String name,
            String keyHash,
            ApiKeyStatus status,
            Instant createdAt,
            Instant expiresAt,
            Instant graceEndsAt,
            Instant revokedAt,
            UUID replacedBy) {
        this.id = Objects.requireNonNull(id);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.prefix = Objects.requireNonNull(prefix);
        this.name = name;
        this.keyHash = Objects.requireNonNull(keyHash);
        this.status = Objects.requireNonNull(status);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.graceEndsAt = graceEndsAt;
        this.revokedAt = revokedAt;
        this.replacedBy = replacedBy;
    }

    public static ApiKey issue(
            UUID id, UUID tenantId, String prefix, String name, String keyHash, Instant expiresAt, Instant now) {
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw new RuleViolationException("api_key.invalid_name", "A key name has at most 200 characters.");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new RuleViolationException("api_key.expiry_in_past", "expiresAt must be in the future.");
        }
        return new ApiKey(id, tenantId, prefix, name, keyHash, ApiKeyStatus.ACTIVE, now, expiresAt, null, null, null);
    }

    /** Marks this key as replaced by {@code successor}; it stays valid for {@code grace}. */
    public void rotate(UUID successor, Duration grace, Instant now) {
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new RuleViolationException(
                    "api_key.invalid_grace_period", "gracePeriodSeconds must be 0 to " + MAX_GRACE.toSeconds() + ".");
        }
        if (statusAt(now) != ApiKeyStatus.ACTIVE) {
            throw new ConflictException("api_key.not_active", "Only an ACTIVE key can be rotated.");
        }
        this.status = ApiKeyStatus.ROTATING;
        this.graceEndsAt = now.plus(grace);
        this.replacedBy = successor;
    }

    /** Revokes the key at once; revoking a revoked key changes nothing and returns false. */
    public boolean revoke(Instant now) {
        if (status == ApiKeyStatus.REVOKED) {
            return false;
        }
        this.status = ApiKeyStatus.REVOKED;
        this.revokedAt = now;
        return true;
    }

    /** The status as a caller sees it at {@code now}: expiry and the end of a grace period apply by time. */
    public ApiKeyStatus statusAt(Instant now) {
        if (status == ApiKeyStatus.REVOKED) {
            return ApiKeyStatus.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return ApiKeyStatus.EXPIRED;
        }
        if (status == ApiKeyStatus.ROTATING && graceEndsAt != null && !now.isBefore(graceEndsAt)) {
            return ApiKeyStatus.EXPIRED;
        }
        return status;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String prefix() {
        return prefix;
    }

    public String name() {
        return name;
    }

    public String keyHash() {
        return keyHash;
    }

    public ApiKeyStatus storedStatus() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant graceEndsAt() {
        return graceEndsAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public UUID replacedBy() {
        return replacedBy;
    }
}
