package dev.metricgate.enforcement.config;

import dev.metricgate.enforcement.adapter.in.web.CheckTiming;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Checks the caller does not trace are timed without an HTTP server observation (ADR 0020). */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfig {

    @Bean
    ObservationPredicate observesAllButUntracedChecks() {
        return CheckTiming.observesAllButUntracedChecks();
    }

    @Bean
    FilterRegistrationBean<CheckTiming> checkTiming(MeterRegistry registry) {
        var registration = new FilterRegistrationBean<>(new CheckTiming(registry));
        registration.addUrlPatterns(CheckTiming.PATH);
        // right after the observation filter (HIGHEST_PRECEDENCE + 1), so both time the same work
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
