package dev.metricgate.enforcement;

import static dev.metricgate.enforcement.support.Trees.key;
import static dev.metricgate.enforcement.support.Trees.limits;
import static dev.metricgate.enforcement.support.Trees.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metricgate.contracts.Topics;
import dev.metricgate.enforcement.support.Checks;
import dev.metricgate.enforcement.support.EnforcementIT;
import dev.metricgate.enforcement.support.Rls;
import dev.metricgate.enforcement.support.Trees.Key;
import dev.metricgate.testsupport.KafkaRecords;
import dev.metricgate.testsupport.SharedServers;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Redis goes away and comes back: each plan's failure mode decides meanwhile. */
class FailureModesIT extends EnforcementIT {

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    private int status(Key key) {
        return http().post()
                .uri("/v1/check")
                .header("X-Api-Key", key.plaintext())
                .exchange()
                .returnResult()
                .getStatus()
                .value();
    }

    @Test
    void givenRedisStopped_whenChecking_thenFailSoftDecidesLocallyFailOpenAllowsFailClosed503_andAllRecover() {
        Key soft = modeKey("FAIL_SOFT");
        Key open = modeKey("FAIL_OPEN");
        Key closed = modeKey("FAIL_CLOSED");
        assertThat(status(soft)).isEqualTo(200);
        assertThat(status(open)).isEqualTo(200);
        assertThat(status(open)).isEqualTo(429);
        assertThat(status(closed)).isEqualTo(200);
        double softBefore =
                meters.counter("metricgate.fallbacks", "mode", "fail_soft").count();

        SharedServers.redis().pause();
        try {
            // a share of 0.5 of burst 6 is 3 local tokens; the shared bucket's state is out of reach
            assertThat(List.of(status(soft), status(soft), status(soft), status(soft)))
                    .containsExactly(200, 200, 200, 429);
            assertThat(List.of(status(open), status(open), status(open))).containsOnly(200);
            http().post()
                    .uri("/v1/check")
                    .header("X-Api-Key", closed.plaintext())
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals("Retry-After", "1")
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("enforcement_unavailable");
            assertThat(meters.counter("metricgate.fallbacks", "mode", "fail_soft")
                            .count())
                    .isEqualTo(softBefore + 4);
        } finally {
            SharedServers.redis().resume();
        }

        // recovered = the circuit breaker closed again; one 200 alone may be the first of its
        // half-open probes, and a failed second probe (a command racing the reconnect) reopens it
        Instant deadline = Instant.now().plusSeconds(15);
        while ((status(closed) != 200 || circuitOpen()) && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        assertThat(status(closed)).isEqualTo(200);
        http().post()
                .uri("/v1/check")
                .header("X-Api-Key", soft.plaintext())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"rate\";q=6;w=3, \"quota\";q=1000;w=" + quotaWindow());
        // Redis kept the open key's empty bucket (append-only file): it refills at 1 per second
        clock.advance(Duration.ofSeconds(2));
        assertThat(status(open)).isEqualTo(200);
        assertThat(status(open)).isEqualTo(429);
    }

    @Test
    void givenRedisStopped_whenEnvoyAsks_thenFailSoftDecidesLocallyFailOpenAllowsFailClosedIsUnavailable()
            throws Exception {
        Key soft = modeKey("FAIL_SOFT");
        Key open = modeKey("FAIL_OPEN");
        Key closed = modeKey("FAIL_CLOSED");
        try (Rls rls = Rls.to(context)) {
            assertThat(rls.check(soft.plaintext()).getOverallCode()).isEqualTo(Code.OK);
            assertThat(rls.check(closed.plaintext()).getOverallCode()).isEqualTo(Code.OK);

            SharedServers.redis().pause();
            try {
                // a share of 0.5 of burst 6 is 3 local tokens
                assertThat(List.of(
                                rls.check(soft.plaintext()).getOverallCode(),
                                rls.check(soft.plaintext()).getOverallCode(),
                                rls.check(soft.plaintext()).getOverallCode(),
                                rls.check(soft.plaintext()).getOverallCode()))
                        .containsExactly(Code.OK, Code.OK, Code.OK, Code.OVER_LIMIT);
                assertThat(List.of(
                                rls.check(open.plaintext()).getOverallCode(),
                                rls.check(open.plaintext()).getOverallCode()))
                        .containsOnly(Code.OK);
                assertThatThrownBy(() -> rls.check(closed.plaintext()))
                        .isInstanceOfSatisfying(
                                StatusRuntimeException.class,
                                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
            } finally {
                SharedServers.redis().resume();
            }

            Instant deadline = Instant.now().plusSeconds(15);
            while (!recovered(rls, closed) && Instant.now().isBefore(deadline)) {
                sleep(100);
            }
            assertThat(rls.check(closed.plaintext()).getOverallCode()).isEqualTo(Code.OK);
        }
    }

    private boolean recovered(Rls rls, Key closed) {
        try {
            return rls.check(closed.plaintext()).getOverallCode() == Code.OK && !circuitOpen();
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    @Test
    void givenRedisKilledAndRestarted_whenChecking_thenTheUsedQuotaIsStillThere() {
        Key key = key(tenant(1, limits(100, 100, 3L, List.of(), "FAIL_CLOSED", false)))
                .registered();
        for (int i = 0; i < 3; i++) {
            assertThat(status(key)).isEqualTo(200);
        }

        // SIGKILL: what Redis acknowledged is in its append-only file (ADR 0018)
        SharedServers.redis().pause();
        SharedServers.redis().resume();

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> status(key) != 503 && !circuitOpen());
        assertThat(status(key)).isEqualTo(429);
    }

    @Test
    void givenRedisBusyLongerThanTheTimeout_whenChecking_thenTheFailureModeAnswersWithoutWaitingForRedis()
            throws Exception {
        var properties = instanceProperties(SharedServers.kafka().bootstrapServers());
        properties.put("metricgate.enforcement.redis-command-timeout", "300ms");
        properties.put("spring.kafka.listener.auto-startup", false);
        Key soft = key(tenant(1, limits(100, 100, null, List.of(), "FAIL_SOFT", false)))
                .registered();
        Key closed = key(tenant(1, limits(100, 100, null, List.of(), "FAIL_CLOSED", false)))
                .registered();
        var instance = startInstance(properties);
        try {
            int port = port(instance);
            assertThat(Checks.status(port, soft.plaintext(), null)).isEqualTo(200);
            assertThat(Checks.status(port, closed.plaintext(), null)).isEqualTo(200);
            var fallbacks = instance.getBean(MeterRegistry.class).counter("metricgate.fallbacks", "mode", "fail_soft");

            RedisClient probeClient = RedisClient.create(
                    RedisURI.create("127.0.0.1", SharedServers.redis().port()));
            var probe = probeClient.connect();
            probe.setTimeout(Duration.ofMillis(200));
            // a script that keeps Redis busy for 3 s: every command behind it waits
            var busy = CompletableFuture.runAsync(() -> redis.execute(RedisScript.of("""
                            local function micros() local t = redis.call('TIME') return t[1] * 1000000 + t[2] end
                            local start = micros()
                            repeat until micros() - start > 3000000
                            return 1""", Long.class), List.of()));
            try {
                Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> redisBusy(probe));
                assertThat(Checks.status(port, closed.plaintext(), null)).isEqualTo(503);
                assertThat(Checks.status(port, soft.plaintext(), null)).isEqualTo(200);
                // both answers came from the failure mode, while Redis was still busy
                assertThat(redisBusy(probe)).isTrue();
                assertThat(fallbacks.count()).isEqualTo(1);
            } finally {
                // the busy script's own client gives up after its timeout; Redis goes on to 3 s
                busy.handle((done, timedOut) -> done).get(10, TimeUnit.SECONDS);
                probe.close();
                probeClient.shutdown();
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> Checks.status(port, closed.plaintext(), null) == 200);
        } finally {
            instance.close();
        }
    }

    @Test
    void givenRedisUnreachableAtStartUp_whenChecking_thenTheInstanceStartsAndDecidesByFailureMode() throws Exception {
        var properties = withoutRedis();
        Key open = key(tenant(1, limits(1, 1, null, List.of(), "FAIL_OPEN", false)))
                .registered();
        Key closed = key(tenant(1, limits(1, 1, null, List.of(), "FAIL_CLOSED", false)))
                .registered();

        var instance = startInstance(properties);
        try {
            var client = http(port(instance));
            for (int i = 0; i < 3; i++) {
                client.post()
                        .uri("/v1/check")
                        .header("X-Api-Key", open.plaintext())
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
            client.post()
                    .uri("/v1/check")
                    .header("X-Api-Key", closed.plaintext())
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        } finally {
            instance.close();
        }
    }

    @Test
    void givenRedisUnreachable_whenAFailSoftCheckIsAnswered_thenItsUsageEventIsAlreadyInKafka() throws Exception {
        var properties = withoutRedis();
        // a slow first send (metadata) on a busy build machine must not take the buffered path
        properties.put("metricgate.enforcement.usage.record-ack-wait", "10s");
        Key soft = key(tenant(1, limits(100, 100, 1000L, List.of(), "FAIL_SOFT", false)))
                .registered();

        var instance = startInstance(properties);
        try {
            int port = port(instance);
            var published = instance.getBean(MeterRegistry.class).counter("metricgate.usage.published");
            for (int i = 0; i < 3; i++) {
                double before = published.count();
                assertThat(Checks.status(port, soft.plaintext(), null)).isEqualTo(200);
                // acknowledged by Kafka before the answer: a process killed now has lost nothing it answered
                assertThat(published.count() - before).isEqualTo(1);
            }
        } finally {
            instance.close();
        }
        assertThat(KafkaRecords.await(
                        Topics.USAGE_EVENTS,
                        record -> record.value().contains(soft.keyId().toString()),
                        3,
                        Duration.ofSeconds(30)))
                .hasSize(3);
    }

    /** Whether Redis is still running a script: a PING on a connection opened before gets no answer in 200 ms. */
    private static boolean redisBusy(StatefulRedisConnection<String, String> probe) {
        try {
            probe.sync().ping();
            return false;
        } catch (RedisCommandTimeoutException busy) {
            return true;
        }
    }

    /** Properties of another instance whose Redis port nobody listens on. */
    private static Map<String, Object> withoutRedis() throws IOException {
        var properties = instanceProperties(SharedServers.kafka().bootstrapServers());
        properties.put("spring.data.redis.port", deadPort());
        properties.put("spring.kafka.listener.auto-startup", false);
        return properties;
    }

    /**
     * A key whose plan fails the given way: FAIL_SOFT 2/s, burst 6, quota 1000 (3 local tokens at a
     * share of 0.5); FAIL_OPEN a bucket of 1; FAIL_CLOSED a bucket of 100.
     */
    private static Key modeKey(String failureMode) {
        Key key = switch (failureMode) {
            case "FAIL_SOFT" -> key(tenant(1, limits(2, 6, 1000L, List.of(), failureMode, false)));
            case "FAIL_OPEN" -> key(tenant(1, limits(1, 1, null, List.of(), failureMode, false)));
            default -> key(tenant(1, limits(100, 100, null, List.of(), failureMode, false)));
        };
        return key.registered();
    }

    private boolean circuitOpen() {
        return meters.get("metricgate.redis.circuit.open").gauge().value() != 0;
    }

    private long quotaWindow() {
        var now = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        var start = now.withDayOfMonth(1);
        return java.time.Duration.between(
                        start.atStartOfDay(java.time.ZoneOffset.UTC),
                        start.plusMonths(1).atStartOfDay(java.time.ZoneOffset.UTC))
                .toSeconds();
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
