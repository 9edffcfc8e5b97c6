package dev.metricgate.usage.config;

import dev.metricgate.usage.application.AlertCandidates;
import dev.metricgate.usage.application.ApplyPlanChange;
import dev.metricgate.usage.application.EvaluateQuotaAlerts;
import dev.metricgate.usage.application.ExportUsage;
import dev.metricgate.usage.application.ListQuotaAlerts;
import dev.metricgate.usage.application.MaintainPartitions;
import dev.metricgate.usage.application.PublishQuotaAlerts;
import dev.metricgate.usage.application.QueryUsageTimeSeries;
import dev.metricgate.usage.application.RebuildRollups;
import dev.metricgate.usage.application.RecordUsage;
import dev.metricgate.usage.application.ReportChargedUsage;
import dev.metricgate.usage.application.SummarizeUsage;
import dev.metricgate.usage.application.TenantAccess;
import dev.metricgate.usage.application.port.out.PartitionManager;
import dev.metricgate.usage.application.port.out.QuotaAlertPublisher;
import dev.metricgate.usage.application.port.out.QuotaAlertStore;
import dev.metricgate.usage.application.port.out.TenantDirectory;
import dev.metricgate.usage.application.port.out.Transactions;
import dev.metricgate.usage.application.port.out.UsageReports;
import dev.metricgate.usage.application.port.out.UsageStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The use cases, wired explicitly from their ports. */
@Configuration
@EnableScheduling
class UseCaseConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AlertCandidates alertCandidates() {
        return new AlertCandidates();
    }

    @Bean
    RecordUsage recordUsage(
            UsageStore store,
            TenantDirectory directory,
            PartitionManager partitions,
            Transactions transactions,
            AlertCandidates candidates,
            Clock clock,
            UsageProperties properties) {
        return new RecordUsage(
                store,
                directory,
                partitions,
                transactions,
                candidates,
                clock,
                Duration.ofDays(properties.retentionDays()),
                Duration.ofDays(properties.maxDaysAhead()));
    }

    @Bean
    ApplyPlanChange applyPlanChange(TenantDirectory directory, Transactions transactions, AlertCandidates candidates) {
        return new ApplyPlanChange(directory, transactions, candidates);
    }

    @Bean
    TenantAccess tenantAccess(TenantDirectory directory) {
        return new TenantAccess(directory);
    }

    @Bean
    QueryUsageTimeSeries queryUsageTimeSeries(TenantAccess access, UsageReports reports, Transactions transactions) {
        return new QueryUsageTimeSeries(access, reports, transactions);
    }

    @Bean
    ReportChargedUsage reportChargedUsage(UsageReports reports, Transactions transactions) {
        return new ReportChargedUsage(reports, transactions);
    }

    @Bean
    SummarizeUsage summarizeUsage(TenantAccess access, UsageReports reports, Transactions transactions, Clock clock) {
        return new SummarizeUsage(access, reports, transactions, clock);
    }

    @Bean
    ListQuotaAlerts listQuotaAlerts(TenantAccess access, QuotaAlertStore alerts, Transactions transactions) {
        return new ListQuotaAlerts(access, alerts, transactions);
    }

    @Bean
    ExportUsage exportUsage(TenantAccess access, UsageReports reports, Transactions transactions) {
        return new ExportUsage(access, reports, transactions);
    }

    @Bean
    EvaluateQuotaAlerts evaluateQuotaAlerts(
            AlertCandidates candidates,
            TenantDirectory directory,
            UsageReports reports,
            QuotaAlertStore alerts,
            Transactions transactions,
            Clock clock) {
        return new EvaluateQuotaAlerts(candidates, directory, reports, alerts, transactions, clock);
    }

    @Bean
    PublishQuotaAlerts publishQuotaAlerts(
            QuotaAlertStore alerts, QuotaAlertPublisher publisher, Transactions transactions) {
        return new PublishQuotaAlerts(alerts, publisher, transactions);
    }

    @Bean
    RebuildRollups rebuildRollups(
            UsageStore store, Transactions transactions, Clock clock, UsageProperties properties) {
        return new RebuildRollups(store, transactions, clock, Duration.ofDays(properties.retentionDays()));
    }

    @Bean
    MaintainPartitions maintainPartitions(PartitionManager partitions, Clock clock, UsageProperties properties) {
        return new MaintainPartitions(partitions, clock, properties.partitionsAheadDays(), properties.retentionDays());
    }
}
