package dev.metricgate.enforcement.redis;

import static dev.metricgate.enforcement.support.Trees.key;
import static dev.metricgate.enforcement.support.Trees.limits;
import static dev.metricgate.enforcement.support.Trees.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.KeyResolution.TenantLevel;
import dev.metricgate.devstack.RedisClusterServer;
import dev.metricgate.enforcement.support.EnforcementIT;
import dev.metricgate.enforcement.support.Trees.Key;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Redis Cluster master dies under load: the plans' failure modes decide while its replica takes
 * over, and the same instance goes back to Redis on the promoted replica without a restart.
 */
class ClusterFailoverIT {

    private static RedisClusterServer cluster;
    private static ConfigurableApplicationContext instance;

    @BeforeAll
    static void startClusterAndInstance() {
        Assumptions.assumeTrue(RedisClusterServer.available(), "redis-server and redis-cli are not on the PATH");
        // a cluster of its own: this test leaves one master without a replica
        cluster = RedisClusterServer.start(Path.of("target", "real-servers", "failover-" + UUID.randomUUID())
                .toAbsolutePath());
        instance = EnforcementIT.startInstance(RedisDeployments.instanceOn(
                Map.of("spring.data.redis.cluster.nodes", String.join(",", cluster.addresses())), "failover"));
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void givenChecksRunning_whenTheirMasterIsKilled_thenFailSoftDecidesUntilTheReplicaServesThem() throws Exception {
        int burst = 40;
        int rate = 1;
        double share = 0.5; // metricgate.enforcement.fail-soft-share
        TenantLevel tree = tenant(1, limits(rate, burst, null, List.of(), "FAIL_SOFT", false));
        Key soft = key(tree).registered();
        int port = EnforcementIT.port(instance);
        MeterRegistry meters = instance.getBean(MeterRegistry.class);
        assertThat(LimitStoreContract.status(port, soft, null)).isEqualTo(200);
        String bucket = "mg:{" + soft.resolution().tenantId() + "}:b:"
                + soft.resolution().tenantId();
        int master = cluster.masterOf(bucket);

        AtomicInteger allowed = new AtomicInteger(1);
        AtomicInteger other = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        long start = System.nanoTime();
        double fallbacksBefore = fallbacks(meters);
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                callers.submit(() -> {
                    while (running.get()) {
                        switch (LimitStoreContract.status(port, soft, null)) {
                            case 200 -> allowed.incrementAndGet();
                            case 429 -> {}
                            default -> other.incrementAndGet();
                        }
                    }
                });
            }
            Thread.sleep(300);
            cluster.kill(master);

            // the replica is promoted and this instance charges through it again: a fail-closed
            // customer of the same tree (same slot) is only answered 200 or 429 when Redis answered
            Key closed = key(tree, tenant(2, limits(1000, 1000, null, List.of(), "FAIL_CLOSED", false)))
                    .registered();
            try {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() ->
                                cluster.failedOver(bucket) && LimitStoreContract.status(port, closed, null) != 503);
            } finally {
                running.set(false);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(fallbacks(meters)).as("checks decided by the failure mode").isGreaterThan(fallbacksBefore);
        assertThat(other.get()).as("answers other than 200 and 429").isZero();
        // Redis's bucket plus, while Redis was out of reach, the instance's local bucket: the
        // fail-soft share of the burst and of the rate, at least one token and one per second
        double localBurst = Math.max(1, Math.floor(burst * share));
        double localRate = Math.max(1, Math.floor(rate * share));
        double most = burst + rate * seconds + localBurst + localRate * seconds;
        assertThat((double) allowed.get()).isLessThanOrEqualTo(most);
    }

    private static double fallbacks(MeterRegistry meters) {
        return meters.find("metricgate.fallbacks").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }
}
