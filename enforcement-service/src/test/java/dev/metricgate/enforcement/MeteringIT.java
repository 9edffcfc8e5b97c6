package dev.metricgate.enforcement;

import static dev.metricgate.enforcement.support.Trees.key;
import static dev.metricgate.enforcement.support.Trees.limits;
import static dev.metricgate.enforcement.support.Trees.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.Topics;
import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.enforcement.support.EnforcementIT;
import dev.metricgate.enforcement.support.Trees.Key;
import dev.metricgate.testsupport.KafkaRecords;
import dev.metricgate.testsupport.SharedServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every decision the charge script made is metered exactly once, whoever relays it (ADR 0018).
 */
class MeteringIT extends EnforcementIT {

    @Autowired
    JsonMapper json;

    @Test
    void givenAnInstanceThatDiesBeforeItPublishes_whenAnotherRelayRuns_thenEveryDecisionItChargedIsMeteredOnce() {
        // an instance without a relay is one killed between charging and publishing: its decisions
        // exist only in Redis, in the usage stream its charge script wrote
        var properties = instanceProperties(SharedServers.kafka().bootstrapServers());
        properties.put("metricgate.enforcement.usage.relay-enabled", false);
        properties.put("spring.kafka.listener.auto-startup", false);
        Key key = key(tenant(1, limits(1000, 1000, 20L))).registered();
        var dying = startInstance(properties);
        List<Integer> statuses = new ArrayList<>();
        try {
            var client = http(port(dying));
            for (int i = 0; i < 30; i++) {
                statuses.add(client.post()
                        .uri("/v1/check")
                        .header("X-Api-Key", key.plaintext())
                        .exchange()
                        .returnResult()
                        .getStatus()
                        .value());
            }
        } finally {
            dying.close();
        }
        assertThat(statuses).containsOnly(200, 429);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(20);

        // this test's own instance relays the stream (at its next sweep or after its next charge)
        Key other = key(tenant(1, limits(10, 10, null))).registered();
        http().post()
                .uri("/v1/check")
                .header("X-Api-Key", other.plaintext())
                .exchange()
                .expectStatus()
                .isOk();
        List<UsageEvent> events = events(key, 30);
        assertThat(events.stream().map(UsageEvent::eventId).distinct()).hasSize(30);
        Map<UsageEvent.Outcome, Long> outcomes =
                events.stream().collect(Collectors.groupingBy(UsageEvent::outcome, Collectors.counting()));
        assertThat(outcomes)
                .containsOnly(Map.entry(UsageEvent.Outcome.ALLOWED, 20L), Map.entry(UsageEvent.Outcome.DENIED, 10L));
        assertThat(events)
                .filteredOn(e -> e.outcome() == UsageEvent.Outcome.DENIED)
                .allSatisfy(e -> {
                    assertThat(e.deniedPolicy()).isEqualTo("quota");
                    assertThat(e.deniedTenantId()).isEqualTo(key.resolution().tenantId());
                    assertThat(e.deniedLevel()).isEqualTo(1);
                });
        assertThat(redis.opsForStream().size("mg:usage")).isZero();
    }

    private List<UsageEvent> events(Key key, int count) {
        List<ConsumerRecord<String, String>> records = KafkaRecords.await(
                Topics.USAGE_EVENTS, r -> r.value().contains(key.keyId().toString()), count, Duration.ofSeconds(30));
        return records.stream()
                .map(r -> json.readValue(r.value(), UsageEvent.class))
                .toList();
    }
}
