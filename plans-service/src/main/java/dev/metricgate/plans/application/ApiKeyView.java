package dev.metricgate.plans.application;

import dev.metricgate.plans.domain.ApiKey;
import dev.metricgate.plans.domain.ApiKeyStatus;

/**
 * A key as an admin sees it: never the secret.
 *
 * @param plaintext the whole key, only right after creation or rotation; {@code null} otherwise
 */
public record ApiKeyView(ApiKey key, ApiKeyStatus status, String plaintext) {}
