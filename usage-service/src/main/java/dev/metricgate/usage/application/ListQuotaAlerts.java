package dev.metricgate.usage.application;

import dev.metricgate.usage.application.port.out.QuotaAlertStore;
import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.domain.Caller;
import dev.metricgate.usage.domain.QuotaAlert;
import java.util.List;
import java.util.UUID;

/** The quota alerts raised for a tenant (80 % and 100 % of a period's quota), newest first. */
public class ListQuotaAlerts {

    /** More than a year of both thresholds. */
    static final int LIMIT = 50;

    private final TenantAccess access;
    private final QuotaAlertStore alerts;
    private final Transactions transactions;

    public ListQuotaAlerts(TenantAccess access, QuotaAlertStore alerts, Transactions transactions) {
        this.access = access;
        this.alerts = alerts;
        this.transactions = transactions;
    }

    public List<QuotaAlert> list(Caller caller, UUID tenantId) {
        return transactions.readOnly(() -> {
            access.readable(caller, tenantId);
            return alerts.ofTenant(tenantId, LIMIT);
        });
    }
}
