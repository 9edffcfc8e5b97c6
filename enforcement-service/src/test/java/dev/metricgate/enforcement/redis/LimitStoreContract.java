package dev.metricgate.enforcement.redis;

import static dev.metricgate.enforcement.support.Trees.key;
import static dev.metricgate.enforcement.support.Trees.limits;
import static dev.metricgate.enforcement.support.Trees.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.KeyResolution.RouteLimit;
import dev.metricgate.contracts.KeyResolution.TenantLevel;
import dev.metricgate.contracts.billing.BillingPeriod;
import dev.metricgate.enforcement.application.EvictKeyResolutions;
import dev.metricgate.enforcement.support.Checks;
import dev.metricgate.enforcement.support.EnforcementIT;
import dev.metricgate.enforcement.support.ShiftableClock;
import dev.metricgate.enforcement.support.Trees.Key;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What the counters must do on every Redis deployment enforcement-service supports: two real
 * instances of the service, configured only through {@code spring.data.redis.*}, on one real Redis
 * of the kind a subclass names (standalone, Cluster, TLS with an ACL user).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LimitStoreContract {

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    /** The {@code spring.*} properties that point the service at this deployment. */
    abstract Map<String, Object> redisProperties();

    @BeforeAll
    void startTwoInstances() {
        for (int i = 0; i < 2; i++) {
            // these two instances' own plan-change group: evictions reach the other one through Redis
            instances.add(EnforcementIT.startInstance(RedisDeployments.instanceOn(redisProperties(), "contract")));
        }
    }

    @AfterAll
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @AfterEach
    void resetClocks() {
        instances.forEach(instance -> instance.getBean(ShiftableClock.class).reset());
    }

    private int port(int instance) {
        return EnforcementIT.port(instances.get(instance));
    }

    StringRedisTemplate redis() {
        return instances.getFirst().getBean(StringRedisTemplate.class);
    }

    private void setNow(java.time.Instant now) {
        instances.forEach(instance -> instance.getBean(ShiftableClock.class).setNow(now));
    }

    private java.time.Instant now() {
        return instances.getFirst().getBean(ShiftableClock.class).instant();
    }

    static int status(int port, Key key, String body) {
        return Checks.status(port, key.plaintext(), body);
    }

    private static HttpResponse<String> send(int port, Key key, String body) {
        return Checks.post(port, key.plaintext(), body);
    }

    private int status(Key key) {
        return status(port(0), key, null);
    }

    @Test
    void givenBurstOfFive_whenCheckingSixTimes_thenExactlyTheSixthIsDenied() {
        Key key = key(tenant(1, limits(1, 5, null))).registered();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(status(port(i % 2), key, null));
        }

        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
    }

    @Test
    void givenEmptyBucket_whenOneSecondPasses_thenItRefillsAtItsRate() {
        Key key = key(tenant(1, limits(2, 4, null))).registered();
        for (int i = 0; i < 4; i++) {
            assertThat(status(key)).isEqualTo(200);
        }
        assertThat(status(key)).isEqualTo(429);

        setNow(now().plusSeconds(1));

        assertThat(List.of(status(key), status(key), status(key))).containsExactly(200, 200, 429);
    }

    @Test
    void givenRouteLimit_whenItIsSpent_thenOnlyThatRouteIsDenied() {
        Key key = key(tenant(
                        1, limits(100, 100, null, List.of(new RouteLimit("POST /orders", 1, 2)), "FAIL_SOFT", false)))
                .registered();
        String orders = "{\"route\":\"POST /orders\"}";

        assertThat(List.of(status(port(0), key, orders), status(port(1), key, orders), status(port(0), key, orders)))
                .containsExactly(200, 200, 429);
        assertThat(status(port(1), key, "{\"route\":\"GET /orders\"}")).isEqualTo(200);
    }

    @Test
    void givenBerlinQuotaAnchoredOnThe15th_whenSpentBeforeLocalMidnight_thenDeniedUntilTheNextPeriod() {
        UUID tenantId = UUID.randomUUID();
        Key key = key(tenant(tenantId, 1, "Europe/Berlin", 15, limits(1000, 1000, 3L)))
                .registered();
        BillingPeriod period = BillingPeriod.containing(now(), ZoneId.of("Europe/Berlin"), 15);
        setNow(period.end().minusSeconds(120));

        assertThat(List.of(status(port(0), key, null), status(port(1), key, null), status(port(0), key, null)))
                .containsExactly(200, 200, 200);
        HttpResponse<String> denied = send(port(1), key, null);
        assertThat(denied.statusCode()).isEqualTo(429);
        assertThat(denied.headers().firstValue("Retry-After")).hasValue("120");

        setNow(period.end());
        assertThat(status(port(1), key, null)).isEqualTo(200);
        assertThat(redis().opsForValue()
                        .get("mg:{" + tenantId + "}:q:" + tenantId + ":"
                                + period.next().id()))
                .isEqualTo("1");
    }

    @Test
    void givenAncestorQuotaSpent_whenItsCustomerChecks_thenNothingIsChargedAtAnyLevel() {
        UUID rootId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        TenantLevel root = tenant(rootId, 1, "UTC", 1, limits(1000, 1000, 2L));
        Key key =
                key(root, tenant(customerId, 2, "UTC", 1, limits(10, 10, 50L))).registered();
        BillingPeriod month = BillingPeriod.containing(now(), ZoneOffset.UTC, 1);
        setNow(month.start().plus(Duration.ofDays(14)));
        assertThat(List.of(status(key), status(key))).containsExactly(200, 200);
        String quota = "mg:{" + rootId + "}:q:" + customerId + ":" + month.id();
        String bucket = "mg:{" + rootId + "}:b:" + customerId;
        String bucketBefore = redis().opsForValue().get(bucket);

        assertThat(status(key)).isEqualTo(429);

        assertThat(redis().opsForValue().get(quota)).isEqualTo("2");
        assertThat(redis().opsForValue().get(bucket)).isEqualTo(bucketBefore);
    }

    @Test
    void givenQuotaOfN_when64CallersOnEachOfTwoInstances_thenExactlyNAllowed() throws Exception {
        int quota = 100;
        Key key = key(tenant(1, limits(100_000, 100_000, (long) quota, List.of(), "FAIL_CLOSED", false)))
                .registered();
        List<Integer> outcomes = checkConcurrently(caller -> key);

        assertThat(outcomes).containsExactly(quota, 384 - quota, 0);
    }

    @Test
    void givenResellerQuotaOfN_whenItsCustomersCallOnTwoInstances_thenExactlyNAllowedAndEveryLevelChargedNTimes()
            throws Exception {
        // the decisions of one script call share their reseller's counters (ADR 0025): each must
        // still see what the decisions before it left, and a denied one charges no level
        int quota = 60;
        int burst = 80;
        UUID rootId = UUID.randomUUID();
        TenantLevel reseller =
                tenant(rootId, 1, "UTC", 1, limits(1, burst, (long) quota, List.of(), "FAIL_CLOSED", false));
        List<UUID> customers = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            UUID customerId = UUID.randomUUID();
            customers.add(customerId);
            var plan = limits(100_000, 100_000, 1_000L, List.of(), "FAIL_CLOSED", false);
            keys.add(key(reseller, tenant(customerId, 2, "UTC", 1, plan)).registered());
        }
        BillingPeriod month = BillingPeriod.containing(now(), ZoneOffset.UTC, 1);
        setNow(month.start().plus(Duration.ofDays(14)));
        long started = System.nanoTime();

        List<Integer> outcomes = checkConcurrently(caller -> keys.get(caller % keys.size()));

        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(outcomes).containsExactly(quota, 384 - quota, 0);
        String resellerQuota = "mg:{" + rootId + "}:q:" + rootId + ":" + month.id();
        assertThat(redis().opsForValue().get(resellerQuota)).isEqualTo(Integer.toString(quota));
        int customersCharged = 0;
        for (UUID customerId : customers) {
            String used = redis().opsForValue().get("mg:{" + rootId + "}:q:" + customerId + ":" + month.id());
            customersCharged += used == null ? 0 : Integer.parseInt(used);
        }
        assertThat(customersCharged).isEqualTo(quota);
        // the reseller's bucket (milli-tokens) lost one token per admitted check and refilled one
        // a second (one per ms) at most for as long as the callers ran, plus a second of clock slack
        String bucket = redis().opsForValue().get("mg:{" + rootId + "}:b:" + rootId);
        long tokens = Long.parseLong(bucket.substring(0, bucket.indexOf(':')));
        assertThat(tokens).isBetween((burst - quota) * 1000L, (burst - quota) * 1000L + elapsedMillis + 1000);
    }

    /**
     * 128 callers, half on each instance, each checking its key 3 times, all at once; caller i uses
     * {@code keyOf.apply(i)}. Returns how many checks were answered 200, 429 and anything else.
     */
    private List<Integer> checkConcurrently(IntFunction<Key> keyOf) throws Exception {
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger denied = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 128; i++) {
                int target = port(i % 2);
                Key key = keyOf.apply(i);
                done.add(callers.submit(() -> {
                    for (int r = 0; r < 3; r++) {
                        switch (status(target, key, null)) {
                            case 200 -> allowed.incrementAndGet();
                            case 429 -> denied.incrementAndGet();
                            default -> other.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        return List.of(allowed.get(), denied.get(), other.get());
    }

    @Test
    void givenKeyCachedOnBothInstances_whenOneEvictsIt_thenTheOtherHearsItThroughRedis() {
        Key key = key(tenant(1, limits(1000, 1000, null))).registered();
        assertThat(List.of(status(port(0), key, null), status(port(1), key, null)))
                .containsExactly(200, 200);
        key.withStatus("REVOKED").registered();

        instances.getFirst().getBean(EvictKeyResolutions.class).evict(Set.of(key.hash()), Set.of());

        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(status(port(1), key, null)).isEqualTo(401));
        assertThat(status(port(0), key, null)).isEqualTo(401);
    }
}
