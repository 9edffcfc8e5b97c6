package dev.metricgate.plans.domain;

public enum TenantKind {
    RESELLER,
    CUSTOMER
}
