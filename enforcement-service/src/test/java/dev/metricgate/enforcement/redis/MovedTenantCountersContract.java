package dev.metricgate.enforcement.redis;

import static dev.metricgate.enforcement.support.Trees.key;
import static dev.metricgate.enforcement.support.Trees.limits;
import static dev.metricgate.enforcement.support.Trees.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.KeyResolution.RouteLimit;
import dev.metricgate.contracts.KeyResolution.TenantLevel;
import dev.metricgate.contracts.PlanChangeEvent;
import dev.metricgate.contracts.PlanChangeEvent.ApiKeyRef;
import dev.metricgate.contracts.PlanChangeEvent.ChangeType;
import dev.metricgate.contracts.PlanChangeEvent.TenantSnapshot;
import dev.metricgate.contracts.Topics;
import dev.metricgate.enforcement.support.Checks;
import dev.metricgate.enforcement.support.EnforcementIT;
import dev.metricgate.enforcement.support.ShiftableClock;
import dev.metricgate.enforcement.support.Trees.Key;
import dev.metricgate.testsupport.KafkaRecords;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer moved into another tenant tree keeps what it has used (ADR 0016): its period quota
 * and its token buckets follow it to the new root's hash tag, on every Redis deployment a
 * subclass names. One real instance of the service, the move published on Kafka as plans-service
 * would publish it (twice, as at-least-once delivery may).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MovedTenantCountersContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigurableApplicationContext instance;
    private ShiftableClock clock;

    /**
     * The instant every check runs at, in the middle of today's calendar month (the customers'
     * periods are calendar months): no period ends during a test, and buckets do not refill while
     * the move is on its way. Buckets are large and slow, so their keys outlive the wait in Redis.
     */
    private Instant now;

    /** The {@code spring.*} properties that point the service at this deployment. */
    abstract Map<String, Object> redisProperties();

    /** The id of a root for another tree than {@code root}'s. */
    UUID anotherRoot(UUID root) {
        return UUID.randomUUID();
    }

    ConfigurableApplicationContext instance() {
        return instance;
    }

    @BeforeAll
    void startInstance() {
        // the topic exists before the instance subscribes
        KafkaRecords.send(Topics.PLAN_CHANGES, "warm-up", "{}");
        // a consumer group of its own, reading from the start: no event is missed while it joins
        Map<String, Object> properties = RedisDeployments.instanceOn(redisProperties(), "moves");
        properties.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        instance = EnforcementIT.startInstance(properties);
        clock = instance.getBean(ShiftableClock.class);
    }

    @AfterAll
    void stopInstance() {
        if (instance != null) {
            instance.close();
        }
    }

    @BeforeEach
    void pinTheClockMidMonth() {
        clock.reset();
        now = clock.instant()
                .atZone(ZoneOffset.UTC)
                .withDayOfMonth(15)
                .truncatedTo(ChronoUnit.HOURS)
                .withHour(12)
                .toInstant();
    }

    @Test
    void givenCustomerHasUsedFourOfTen_whenMovedUnderAnotherRoot_thenSixMoreAreAllowedAndTheSeventhDenied() {
        TenantLevel resellerA = tenant(1, limits(1000, 1000, null));
        TenantLevel customer = tenant(UUID.randomUUID(), 2, "UTC", 1, limits(1000, 1000, 10L));
        Key key = key(resellerA, customer).registered();
        for (int i = 0; i < 4; i++) {
            assertThat(check(key, null).statusCode()).isEqualTo(200);
        }

        TenantLevel resellerB = tenant(anotherRoot(resellerA.tenantId()), 1, "UTC", 1, limits(1000, 1000, null));
        key.withChain(List.of(resellerB, customer)).registered();
        move(customer, resellerA, resellerB);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(check(key, null).statusCode());
        }
        assertThat(statuses).containsOnly(200);
        HttpResponse<String> seventh = check(key, null);
        assertThat(seventh.statusCode()).isEqualTo(429);
        assertThat(deniedPolicy(seventh)).isEqualTo("quota");
    }

    @Test
    void givenCustomerHasSpentItsBurst_whenMovedUnderAnotherRoot_thenItIsStillSpent() {
        TenantLevel resellerA = tenant(1, limits(1000, 1000, null));
        TenantLevel customer = tenant(UUID.randomUUID(), 2, "UTC", 1, limits(1, 300, null));
        Key key = key(resellerA, customer).registered();
        assertThat(check(key, "{\"cost\":300}").statusCode()).isEqualTo(200);

        TenantLevel resellerB = tenant(anotherRoot(resellerA.tenantId()), 1, "UTC", 1, limits(1000, 1000, null));
        key.withChain(List.of(resellerB, customer)).registered();
        move(customer, resellerA, resellerB);

        // a fresh bucket would hold 300 tokens
        HttpResponse<String> denied = check(key, "{\"cost\":100}");
        assertThat(denied.statusCode()).isEqualTo(429);
        assertThat(deniedPolicy(denied)).isEqualTo("rate");
    }

    @Test
    void givenCustomerHasSpentARoutesBurst_whenMovedUnderAnotherRoot_thenThatRouteIsStillSpent() {
        TenantLevel resellerA = tenant(1, limits(1000, 1000, null));
        TenantLevel customer = tenant(
                UUID.randomUUID(),
                2,
                "UTC",
                1,
                limits(1000, 1000, null, List.of(new RouteLimit("POST /v1/orders", 1, 300)), "FAIL_SOFT", false));
        Key key = key(resellerA, customer).registered();
        assertThat(check(key, orders(300)).statusCode()).isEqualTo(200);

        TenantLevel resellerB = tenant(anotherRoot(resellerA.tenantId()), 1, "UTC", 1, limits(1000, 1000, null));
        key.withChain(List.of(resellerB, customer)).registered();
        move(customer, resellerA, resellerB);

        // a fresh route bucket would hold 300 tokens
        HttpResponse<String> denied = check(key, orders(100));
        assertThat(denied.statusCode()).isEqualTo(429);
        assertThat(deniedPolicy(denied)).isEqualTo("route");
        assertThat(check(key, "{\"cost\":100}").statusCode()).isEqualTo(200);
    }

    private static String orders(int cost) {
        return "{\"route\":\"POST /v1/orders\",\"cost\":" + cost + "}";
    }

    /**
     * Publishes the move as plans-service would, twice (a redelivery must not count the counters
     * again), and waits until this instance has handled both.
     */
    private void move(TenantLevel customer, TenantLevel from, TenantLevel to) {
        String partitionKey = customer.tenantId().toString();
        String payload = JSON.writeValueAsString(new PlanChangeEvent(
                UUID.randomUUID(),
                ChangeType.TENANT_MOVED,
                Instant.now(),
                customer.tenantId(),
                null,
                List.of(new TenantSnapshot(
                        customer.tenantId(),
                        "customer",
                        "CUSTOMER",
                        to.tenantId(),
                        customer.level(),
                        "ACTIVE",
                        "UTC",
                        1,
                        customer.limits().monthlyQuota())),
                List.of(),
                new PlanChangeEvent.Move(from.tenantId(), to.tenantId())));
        KafkaRecords.send(Topics.PLAN_CHANGES, partitionKey, payload);
        KafkaRecords.send(Topics.PLAN_CHANGES, partitionKey, payload);
        awaitHandled(partitionKey);
    }

    /**
     * Events of one key are handled in order: once a revocation sent after them under the same key
     * has taken effect, everything before it has been handled.
     */
    private void awaitHandled(String partitionKey) {
        Key marker = key(tenant(1, limits(1000, 1000, null))).registered();
        assertThat(check(marker, null).statusCode()).isEqualTo(200);
        marker.withStatus("REVOKED").registered();
        KafkaRecords.send(
                Topics.PLAN_CHANGES,
                partitionKey,
                JSON.writeValueAsString(new PlanChangeEvent(
                        UUID.randomUUID(),
                        ChangeType.API_KEY_REVOKED,
                        Instant.now(),
                        marker.resolution().tenantId(),
                        null,
                        List.of(),
                        List.of(new ApiKeyRef(marker.keyId(), marker.hash(), "REVOKED")))));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> check(marker, null).statusCode() == 401);
    }

    private HttpResponse<String> check(Key key, String body) {
        clock.setNow(now);
        return Checks.post(EnforcementIT.port(instance), key.plaintext(), body);
    }

    private static String deniedPolicy(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("policy").asString();
    }
}
