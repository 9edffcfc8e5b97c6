package dev.metricgate.plans.domain;

public enum ApiKeyStatus {
    ACTIVE,
    ROTATING,
    REVOKED,
    EXPIRED
}
