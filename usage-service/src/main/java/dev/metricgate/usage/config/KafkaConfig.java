package dev.metricgate.usage.config;

import dev.metricgate.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics usage-service consumes or produces, and what happens when a batch fails as a whole (the
 * database is down): it is retried, with back-off, until it succeeds; offsets do not move, so
 * nothing is lost. Single poison records never fail a batch: the listener dead-letters them.
 */
@Configuration
class KafkaConfig {

    private static final int PARTITIONS = 3;

    @Bean
    NewTopic usageEventsTopic() {
        return TopicBuilder.name(Topics.USAGE_EVENTS).partitions(PARTITIONS).build();
    }

    @Bean
    NewTopic usageEventsDeadLetterTopic() {
        return TopicBuilder.name(Topics.USAGE_EVENTS + Topics.DEAD_LETTER_SUFFIX)
                .partitions(1)
                .build();
    }

    @Bean
    NewTopic planChangesDeadLetterTopic() {
        return TopicBuilder.name(Topics.PLAN_CHANGES + Topics.DEAD_LETTER_SUFFIX)
                .partitions(1)
                .build();
    }

    @Bean
    NewTopic quotaAlertsTopic() {
        return TopicBuilder.name(Topics.QUOTA_ALERTS).partitions(PARTITIONS).build();
    }

    @Bean
    CommonErrorHandler kafkaErrorHandler() {
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }
}
