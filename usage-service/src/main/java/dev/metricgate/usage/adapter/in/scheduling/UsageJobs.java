package dev.metricgate.usage.adapter.in.scheduling;

import dev.metricgate.usage.application.EvaluateQuotaAlerts;
import dev.metricgate.usage.application.MaintainPartitions;
import dev.metricgate.usage.application.PublishQuotaAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The periodic work of usage-service; every job is safe to run again or on several instances. */
@Component
class UsageJobs {

    private static final Logger log = LoggerFactory.getLogger(UsageJobs.class);

    private final MaintainPartitions maintainPartitions;
    private final EvaluateQuotaAlerts evaluateQuotaAlerts;
    private final PublishQuotaAlerts publishQuotaAlerts;

    UsageJobs(
            MaintainPartitions maintainPartitions,
            EvaluateQuotaAlerts evaluateQuotaAlerts,
            PublishQuotaAlerts publishQuotaAlerts) {
        this.maintainPartitions = maintainPartitions;
        this.evaluateQuotaAlerts = evaluateQuotaAlerts;
        this.publishQuotaAlerts = publishQuotaAlerts;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${metricgate.usage.partitions.interval:PT1H}")
    void maintainPartitions() {
        var dropped = maintainPartitions.run();
        if (!dropped.isEmpty()) {
            log.info("Dropped raw usage partitions of {} past the retention", dropped);
        }
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${metricgate.usage.alerts.interval:PT1S}")
    void raiseQuotaAlerts() {
        evaluateQuotaAlerts.evaluateChanged();
        publishQuotaAlerts.publishPending();
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${metricgate.usage.alerts.sweep-interval:PT5M}")
    void sweepQuotaAlerts() {
        evaluateQuotaAlerts.evaluateAll();
    }
}
