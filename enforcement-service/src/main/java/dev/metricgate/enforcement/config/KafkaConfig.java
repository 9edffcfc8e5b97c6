package dev.metricgate.enforcement.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** Kafka wiring of the plan-change listener. */
@Configuration
class KafkaConfig {

    /**
     * An eviction that fails (Redis unreachable) is retried with backoff for up to ten minutes
     * instead of being skipped after a few immediate attempts: a skipped eviction would leave
     * revoked keys usable until the cache TTL ends. Unreadable events are skipped by the listener.
     */
    @Bean
    DefaultErrorHandler planChangeErrorHandler() {
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(600_000);
        return new DefaultErrorHandler(backOff);
    }
}
