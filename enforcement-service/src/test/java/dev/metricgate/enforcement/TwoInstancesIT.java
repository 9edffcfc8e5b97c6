package dev.metricgate.enforcement;

import static dev.metricgate.enforcement.support.Trees.key;
import static dev.metricgate.enforcement.support.Trees.limits;
import static dev.metricgate.enforcement.support.Trees.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.PlanChangeEvent;
import dev.metricgate.contracts.PlanChangeEvent.ApiKeyRef;
import dev.metricgate.contracts.PlanChangeEvent.ChangeType;
import dev.metricgate.contracts.PlanChangeEvent.TenantSnapshot;
import dev.metricgate.contracts.Topics;
import dev.metricgate.enforcement.support.Checks;
import dev.metricgate.enforcement.support.EnforcementIT;
import dev.metricgate.enforcement.support.Rls;
import dev.metricgate.enforcement.support.Trees.Key;
import dev.metricgate.testsupport.KafkaRecords;
import dev.metricgate.testsupport.SharedServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Two enforcement instances sharing Redis and Kafka: invalidation reaches both, counting is exact. */
class TwoInstancesIT extends EnforcementIT {

    private static ConfigurableApplicationContext second;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void startSecondInstance() {
        if (second == null) {
            // make sure the topic exists, then let both instances share its partitions
            KafkaRecords.send(Topics.PLAN_CHANGES, "warm-up", "{}");
            second = startInstance(instanceProperties(SharedServers.kafka().bootstrapServers()));
        }
        awaitPartitionsShared();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    private void awaitPartitionsShared() {
        KafkaListenerEndpointRegistry other = second.getBean(KafkaListenerEndpointRegistry.class);
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            int assigned = assigned(listeners) + assigned(other);
            if (assigned == 3 && assigned(listeners) > 0 && assigned(other) > 0) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("plan-change partitions never got shared by both instances");
    }

    private static int assigned(KafkaListenerEndpointRegistry registry) {
        var container = registry.getListenerContainer("plan-changes");
        var partitions = container == null ? null : container.getAssignedPartitions();
        return partitions == null ? 0 : partitions.size();
    }

    private int[] ports() {
        return new int[] {port, port(second)};
    }

    private static int status(int port, String apiKey, String body) {
        return Checks.status(port, apiKey, body);
    }

    private static String header(int port, String apiKey, String name) {
        return Checks.post(port, apiKey, null).headers().firstValue(name).orElse("");
    }

    private void publish(PlanChangeEvent event) {
        KafkaRecords.send(Topics.PLAN_CHANGES, String.valueOf(event.tenantId()), json.writeValueAsString(event));
    }

    @Test
    void givenKeyCachedOnBothInstances_whenRevoked_thenBothAnswer401WithinOneSecond() {
        Key key = key(tenant(1, limits(1000, 1000, null))).registered();
        for (int p : ports()) {
            assertThat(status(p, key.plaintext(), null)).isEqualTo(200);
            assertThat(status(p, key.plaintext(), null)).isEqualTo(200);
        }
        key.withStatus("REVOKED").registered();

        publish(new PlanChangeEvent(
                UUID.randomUUID(),
                ChangeType.API_KEY_REVOKED,
                Instant.now(),
                key.resolution().tenantId(),
                null,
                List.of(),
                List.of(new ApiKeyRef(key.keyId(), key.hash(), "REVOKED"))));
        long published = System.nanoTime();

        boolean[] denied = new boolean[2];
        while (System.nanoTime() - published < Duration.ofSeconds(1).toNanos() && !(denied[0] && denied[1])) {
            for (int i = 0; i < 2; i++) {
                denied[i] = denied[i] || status(ports()[i], key.plaintext(), null) == 401;
            }
        }
        assertThat(denied).containsExactly(true, true);
        for (int p : ports()) {
            assertThat(status(p, key.plaintext(), null)).isEqualTo(401);
        }
    }

    @Test
    void givenSubtreeCachedEverywhere_whenItMovesUnderAnotherReseller_thenEveryDependentEntryIsEvicted() {
        var oldRoot = tenant(1, limits(1000, 1000, null));
        var reseller = tenant(UUID.randomUUID(), 2, "UTC", 1, limits(500, 500, null));
        var customerA = tenant(UUID.randomUUID(), 3, "UTC", 1, limits(100, 100, null));
        var customerB = tenant(UUID.randomUUID(), 3, "UTC", 1, limits(100, 100, null));
        Key first = key(oldRoot, reseller, customerA).registered();
        Key second = key(oldRoot, reseller, customerB).registered();
        for (int p : ports()) {
            assertThat(header(p, first.plaintext(), "RateLimit-Policy")).isEqualTo("\"rate\";q=100;w=1");
            assertThat(header(p, second.plaintext(), "RateLimit-Policy")).isEqualTo("\"rate\";q=100;w=1");
        }
        assertThat(redis.hasKey("mg:kr:" + first.hash())).isTrue();
        assertThat(redis.opsForSet().members("mg:tag:" + reseller.tenantId()))
                .containsExactlyInAnyOrder(first.hash(), second.hash());

        var newRoot = tenant(1, limits(7, 7, null));
        first.withChain(List.of(newRoot, reseller, customerA)).registered();
        second.withChain(List.of(newRoot, reseller, customerB)).registered();
        publish(new PlanChangeEvent(
                UUID.randomUUID(),
                ChangeType.TENANT_MOVED,
                Instant.now(),
                reseller.tenantId(),
                null,
                List.of(
                        snapshot(reseller.tenantId(), newRoot.tenantId(), 2),
                        snapshot(customerA.tenantId(), reseller.tenantId(), 3),
                        snapshot(customerB.tenantId(), reseller.tenantId(), 3)),
                List.of()));

        Instant deadline = Instant.now().plusSeconds(10);
        while (redis.hasKey("mg:kr:" + first.hash()) && Instant.now().isBefore(deadline)) {
            sleep(20);
        }
        assertThat(redis.hasKey("mg:kr:" + first.hash())).isFalse();
        assertThat(redis.hasKey("mg:kr:" + second.hash())).isFalse();
        assertThat(redis.hasKey("mg:tag:" + reseller.tenantId())).isFalse();
        sleep(200);
        for (int p : ports()) {
            assertThat(header(p, first.plaintext(), "RateLimit-Policy")).isEqualTo("\"rate\";q=7;w=1");
            assertThat(header(p, second.plaintext(), "RateLimit-Policy")).isEqualTo("\"rate\";q=7;w=1");
        }
    }

    private static TenantSnapshot snapshot(UUID id, UUID parent, int level) {
        return new TenantSnapshot(
                id, "t-" + id, level == 3 ? "CUSTOMER" : "RESELLER", parent, level, "ACTIVE", "UTC", 1, null);
    }

    @Test
    void givenTokenBucket_whenHammeredFromTwoInstancesForTenSeconds_thenAdmissionsWithinOnePercentOfTheBucket()
            throws Exception {
        int rate = 50;
        int burst = 50;
        Key key = key(tenant(1, limits(rate, burst, null))).registered();
        for (int p : ports()) {
            assertThat(status(p, key.plaintext(), "{\"route\":\"warm-up\",\"cost\":1}"))
                    .isEqualTo(200);
        }
        redis.delete(redis.keys("mg:{" + key.resolution().tenantId() + "}:b:*"));
        AtomicInteger allowed = new AtomicInteger();
        long start = System.currentTimeMillis();
        long end = start + 10_000;
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int target = ports()[i % 2];
                done.add(callers.submit(() -> {
                    while (System.currentTimeMillis() < end) {
                        if (status(target, key.plaintext(), null) == 200) {
                            allowed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        long elapsed = System.currentTimeMillis() - start;

        double expected = burst + rate * elapsed / 1000.0;
        assertThat((double) allowed.get()).isBetween(expected * 0.99, expected * 1.01);
    }

    @Test
    void givenQuotaOfN_whenEnvoyAsksBothInstancesFrom64CallersEach_thenExactlyNAreOk() throws Exception {
        int quota = 150;
        Key key = key(tenant(1, limits(100_000, 100_000, (long) quota))).registered();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger overLimit = new AtomicInteger();
        try (Rls first = Rls.to(context);
                Rls other = Rls.to(second);
                var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 128; i++) {
                Rls target = i % 2 == 0 ? first : other;
                done.add(callers.submit(() -> {
                    for (int call = 0; call < 3; call++) {
                        switch (target.check(key.plaintext()).getOverallCode()) {
                            case OK -> ok.incrementAndGet();
                            case OVER_LIMIT -> overLimit.incrementAndGet();
                            default -> throw new IllegalStateException("unexpected code");
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        assertThat(ok.get()).isEqualTo(quota);
        assertThat(overLimit.get()).isEqualTo(128 * 3 - quota);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
