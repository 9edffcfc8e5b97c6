package dev.metricgate.usage.application;

import dev.metricgate.usage.application.port.out.QuotaAlertPublisher;
import dev.metricgate.usage.application.port.out.QuotaAlertStore;
import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.domain.QuotaAlert;
import java.util.List;

/**
 * Relays stored alerts to the alert topic, oldest first; an alert stays pending until the broker
 * acknowledged it, so a failed send is retried on the next run (at least once, same event id).
 */
public class PublishQuotaAlerts {

    private static final int BATCH = 100;

    private final QuotaAlertStore alerts;
    private final QuotaAlertPublisher publisher;
    private final Transactions transactions;

    public PublishQuotaAlerts(QuotaAlertStore alerts, QuotaAlertPublisher publisher, Transactions transactions) {
        this.alerts = alerts;
        this.publisher = publisher;
        this.transactions = transactions;
    }

    public int publishPending() {
        List<QuotaAlert> pending = transactions.readOnly(() -> alerts.unpublished(BATCH));
        for (QuotaAlert alert : pending) {
            publisher.publish(alert);
            transactions.inTransaction(() -> {
                alerts.markPublished(alert);
                return null;
            });
        }
        return pending.size();
    }
}
