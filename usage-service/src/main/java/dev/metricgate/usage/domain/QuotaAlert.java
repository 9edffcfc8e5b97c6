package dev.metricgate.usage.domain;

import java.time.Instant;
import java.util.UUID;

/** A tenant's subtree reached a share of its period quota; announced once per threshold per period. */
public record QuotaAlert(
        UUID id,
        UUID tenantId,
        QuotaThreshold threshold,
        Instant periodStart,
        Instant periodEnd,
        long quota,
        long used,
        Instant occurredAt) {}
