package dev.metricgate.plans.adapter.in.web;

import dev.metricgate.plans.application.ApiKeyView;
import dev.metricgate.plans.domain.ApiKey;
import dev.metricgate.plans.domain.ApiKeyStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

record CreateApiKeyRequest(@Size(max = 200) String name, Instant expiresAt) {}

record RotateApiKeyRequest(@Min(0) @Max(2_592_000) Long gracePeriodSeconds) {}

/** The one response that carries the plaintext {@code key}: creation and rotation. */
record IssuedApiKeyResponse(
        UUID id,
        UUID tenantId,
        String prefix,
        String name,
        String key,
        ApiKeyStatus status,
        Instant createdAt,
        Instant expiresAt) {

    static IssuedApiKeyResponse of(ApiKeyView view) {
        ApiKey key = view.key();
        return new IssuedApiKeyResponse(
                key.id(),
                key.tenantId(),
                key.prefix(),
                key.name(),
                view.plaintext(),
                view.status(),
                key.createdAt(),
                key.expiresAt());
    }
}

/** A key in a list: never the secret. */
record ApiKeyResponse(
        UUID id,
        UUID tenantId,
        String prefix,
        String name,
        ApiKeyStatus status,
        Instant createdAt,
        Instant expiresAt,
        Instant graceEndsAt,
        Instant revokedAt,
        UUID replacedBy) {

    static ApiKeyResponse of(ApiKeyView view) {
        ApiKey key = view.key();
        return new ApiKeyResponse(
                key.id(),
                key.tenantId(),
                key.prefix(),
                key.name(),
                view.status(),
                key.createdAt(),
                key.expiresAt(),
                key.graceEndsAt(),
                key.revokedAt(),
                key.replacedBy());
    }
}
