package dev.metricgate.plans.application;

import java.time.Instant;
import java.util.UUID;

/**
 * One admin action.
 *
 * @param tenantId the tenant the action belongs to for visibility (the target tenant, a key's
 *     tenant, a plan's owner), or {@code null} for platform-wide plans
 */
public record AuditEntry(
        Instant occurredAt,
        String actor,
        String action,
        String targetType,
        UUID targetId,
        UUID tenantId,
        String summary) {}
