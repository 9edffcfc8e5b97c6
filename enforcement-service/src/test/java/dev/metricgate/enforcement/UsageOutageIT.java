package dev.metricgate.enforcement;

import static dev.metricgate.enforcement.support.Trees.key;
import static dev.metricgate.enforcement.support.Trees.limits;
import static dev.metricgate.enforcement.support.Trees.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.Topics;
import dev.metricgate.enforcement.support.EnforcementIT;
import dev.metricgate.enforcement.support.Trees.Key;
import dev.metricgate.testsupport.KafkaRecords;
import dev.metricgate.testsupport.SharedServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Kafka unreachable: an instance whose producer points at a port with nothing listening keeps
 * deciding; its usage events wait in Redis's usage stream and are all published, once each, when
 * the broker is back; a graceful shutdown publishes what its relay has not sent yet.
 */
class UsageOutageIT extends EnforcementIT {

    @Test
    void givenKafkaUnreachable_whenDeciding_thenDecisionsContinueAndNoUsageEventIsLostAfterRecovery()
            throws IOException {
        Map<String, Object> properties = instanceProperties("127.0.0.1:" + deadPort());
        properties.put("spring.kafka.listener.auto-startup", false);
        ConfigurableApplicationContext instance = startInstance(properties);
        Key key = key(tenant(1, limits(1000, 1000, null))).registered();
        try {
            RestTestClient client = http(port(instance));
            for (int i = 0; i < 20; i++) {
                client.post()
                        .uri("/v1/check")
                        .header("X-Api-Key", key.plaintext())
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
            // the decisions wait in Redis's usage stream meanwhile; the relay retries with backoff
            instance.getBean(DefaultKafkaProducerFactory.class)
                    .updateConfigs(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            SharedServers.kafka().bootstrapServers()));

            var events = KafkaRecords.await(
                    Topics.USAGE_EVENTS, r -> r.value().contains(key.keyId().toString()), 20, Duration.ofSeconds(30));
            assertThat(eventIds(events)).hasSize(20);

            for (int i = 0; i < 30; i++) {
                client.post()
                        .uri("/v1/check")
                        .header("X-Api-Key", key.plaintext())
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
        } finally {
            instance.close();
        }

        var all = KafkaRecords.await(
                Topics.USAGE_EVENTS, r -> r.value().contains(key.keyId().toString()), 50, Duration.ofSeconds(30));
        assertThat(eventIds(all)).hasSize(50);
    }

    private static Set<String> eventIds(
            java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(r -> ids.add(
                new String(r.headers().lastHeader(Topics.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8)));
        return ids;
    }
}
