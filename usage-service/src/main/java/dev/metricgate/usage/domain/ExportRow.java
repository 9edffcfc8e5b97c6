package dev.metricgate.usage.domain;

import java.time.Instant;
import java.util.UUID;

/** One line of a usage export: a rollup bucket of one tenant, API key and route. */
public record ExportRow(Instant bucket, UUID tenantId, UUID apiKeyId, String route, UsageCounts counts) {}
