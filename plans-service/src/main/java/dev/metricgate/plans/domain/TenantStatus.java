package dev.metricgate.plans.domain;

public enum TenantStatus {
    ACTIVE,
    SUSPENDED,
    DELETED
}
