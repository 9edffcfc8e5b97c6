package dev.metricgate.enforcement.redis;

import static dev.metricgate.enforcement.support.Trees.key;
import static dev.metricgate.enforcement.support.Trees.limits;
import static dev.metricgate.enforcement.support.Trees.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.Topics;
import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.enforcement.support.Checks;
import dev.metricgate.enforcement.support.EnforcementIT;
import dev.metricgate.enforcement.support.Trees.Key;
import dev.metricgate.testsupport.KafkaRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every decision the charge script made is metered exactly once, whoever relays it (ADR 0018), on
 * every Redis deployment a subclass names: an instance that dies between charging and publishing
 * leaves its decisions in Redis's usage streams, and the next relay sends them.
 */
abstract class MeteringContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The {@code spring.*} properties that point the service at this deployment. */
    abstract Map<String, Object> redisProperties();

    @Test
    void givenAnInstanceThatDiesBeforeItPublishes_whenAnotherRelayRuns_thenEveryDecisionItChargedIsMeteredOnce() {
        // two trees, so on Cluster (most likely) two slots and two usage streams
        Key first = key(tenant(1, limits(1000, 1000, 20L))).registered();
        Key second = key(tenant(1, limits(1000, 1000, null))).registered();

        // an instance without a relay is one killed between charging and publishing: its decisions
        // exist only in Redis, in the usage streams its charge script wrote
        Map<String, Object> dying = RedisDeployments.instanceOn(redisProperties(), "metering");
        dying.put("metricgate.enforcement.usage.relay-enabled", false);
        dying.put("spring.kafka.listener.auto-startup", false);
        List<Integer> statuses = new ArrayList<>();
        var instance = EnforcementIT.startInstance(dying);
        try {
            int port = EnforcementIT.port(instance);
            for (int i = 0; i < 30; i++) {
                statuses.add(Checks.status(port, first.plaintext(), null));
                if (i % 3 == 0) {
                    assertThat(Checks.status(port, second.plaintext(), null)).isEqualTo(200);
                }
            }
        } finally {
            instance.close();
        }
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(20);
        assertThat(statuses.stream().filter(status -> status == 429)).hasSize(10);

        // a new instance's relay finds the streams at start (its first sweep)
        Map<String, Object> relaying = RedisDeployments.instanceOn(redisProperties(), "metering");
        relaying.put("spring.kafka.listener.auto-startup", false);
        var next = EnforcementIT.startInstance(relaying);
        try {
            List<UsageEvent> firsts = events(first, 30);
            assertThat(firsts.stream().map(UsageEvent::eventId).distinct()).hasSize(30);
            assertThat(firsts.stream().collect(Collectors.groupingBy(UsageEvent::outcome, Collectors.counting())))
                    .containsOnly(
                            Map.entry(UsageEvent.Outcome.ALLOWED, 20L), Map.entry(UsageEvent.Outcome.DENIED, 10L));
            assertThat(firsts)
                    .filteredOn(event -> event.outcome() == UsageEvent.Outcome.DENIED)
                    .allSatisfy(event -> {
                        assertThat(event.deniedPolicy()).isEqualTo("quota");
                        assertThat(event.deniedTenantId())
                                .isEqualTo(first.resolution().tenantId());
                        assertThat(event.deniedLevel()).isEqualTo(1);
                    });
            List<UsageEvent> seconds = events(second, 10);
            assertThat(seconds.stream().map(UsageEvent::eventId).distinct()).hasSize(10);
            assertThat(seconds).allSatisfy(event -> assertThat(event.outcome()).isEqualTo(UsageEvent.Outcome.ALLOWED));
        } finally {
            next.close();
        }
    }

    private static List<UsageEvent> events(Key key, int count) {
        return KafkaRecords.await(
                        Topics.USAGE_EVENTS,
                        record -> record.value().contains(key.keyId().toString()),
                        count,
                        Duration.ofSeconds(30))
                .stream()
                .map(record -> JSON.readValue(record.value(), UsageEvent.class))
                .toList();
    }
}
