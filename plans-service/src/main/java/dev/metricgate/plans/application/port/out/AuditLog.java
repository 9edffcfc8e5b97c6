package dev.metricgate.plans.application.port.out;

import dev.metricgate.plans.application.AuditEntry;
import dev.metricgate.plans.application.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** Append-only record of admin actions. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** Entries about any of {@code tenantIds} ({@code null}: every entry), newest first, within [from, to). */
    Page<AuditEntry> find(Collection<UUID> tenantIds, Instant from, Instant to, int page, int size);
}
