package dev.metricgate.plans.config;

import dev.metricgate.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** plans-service owns the plan-change topic; events are keyed by tenant (or plan), ordered per key. */
@Configuration
class KafkaConfig {

    private static final int PARTITIONS = 3;

    @Bean
    NewTopic planChangesTopic() {
        return TopicBuilder.name(Topics.PLAN_CHANGES).partitions(PARTITIONS).build();
    }
}
