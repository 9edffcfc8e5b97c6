package dev.metricgate.usage.application.port.out;

import dev.metricgate.usage.domain.QuotaAlert;
import java.util.List;
import java.util.UUID;

/** Alerts raised, unique per tenant, period and threshold, with their publication state. */
public interface QuotaAlertStore {

    /** Stores the alert unless one exists for its tenant, period and threshold. */
    boolean recordIfNew(QuotaAlert alert);

    List<QuotaAlert> unpublished(int limit);

    /** The tenant's alerts, newest first. */
    List<QuotaAlert> ofTenant(UUID tenantId, int limit);

    void markPublished(QuotaAlert alert);
}
