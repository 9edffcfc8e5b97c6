package dev.metricgate.enforcement.config;

import dev.metricgate.enforcement.application.CheckAccess;
import dev.metricgate.enforcement.application.EventIds;
import dev.metricgate.enforcement.application.EvictKeyResolutions;
import dev.metricgate.enforcement.application.LocalFallback;
import dev.metricgate.enforcement.application.MoveTenantCounters;
import dev.metricgate.enforcement.application.RebuildQuotas;
import dev.metricgate.enforcement.application.ResolveApiKey;
import dev.metricgate.enforcement.application.port.out.EnforcementMetrics;
import dev.metricgate.enforcement.application.port.out.KeyDirectory;
import dev.metricgate.enforcement.application.port.out.LimitStore;
import dev.metricgate.enforcement.application.port.out.LocalResolutionCache;
import dev.metricgate.enforcement.application.port.out.SharedResolutionCache;
import dev.metricgate.enforcement.application.port.out.TenantCounters;
import dev.metricgate.enforcement.application.port.out.UsageLedger;
import dev.metricgate.enforcement.application.port.out.UsageRecorder;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases are plain Java; this is where they meet their adapters. */
@Configuration
class UseCaseConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LocalFallback localFallback(EnforcementProperties properties) {
        return new LocalFallback(properties.failSoftShare());
    }

    @Bean
    ResolveApiKey resolveApiKey(
            LocalResolutionCache local,
            SharedResolutionCache shared,
            KeyDirectory directory,
            EnforcementMetrics metrics) {
        return new ResolveApiKey(local, shared, directory, metrics);
    }

    @Bean
    CheckAccess checkAccess(
            ResolveApiKey resolveApiKey,
            LimitStore limits,
            UsageLedger ledger,
            LocalFallback fallback,
            UsageRecorder usage,
            EnforcementMetrics metrics,
            Clock clock) {
        return new CheckAccess(
                resolveApiKey,
                limits,
                new RebuildQuotas(ledger, limits),
                fallback,
                usage,
                metrics,
                clock,
                new EventIds(clock));
    }

    @Bean
    EvictKeyResolutions evictKeyResolutions(SharedResolutionCache shared, LocalResolutionCache local) {
        return new EvictKeyResolutions(shared, local);
    }

    @Bean
    MoveTenantCounters moveTenantCounters(TenantCounters counters) {
        return new MoveTenantCounters(counters);
    }
}
