package dev.metricgate.enforcement;

import static dev.metricgate.enforcement.support.Trees.key;
import static dev.metricgate.enforcement.support.Trees.limits;
import static dev.metricgate.enforcement.support.Trees.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.contracts.KeyResolution.RouteLimit;
import dev.metricgate.contracts.KeyResolution.TenantLevel;
import dev.metricgate.contracts.Topics;
import dev.metricgate.contracts.billing.BillingPeriod;
import dev.metricgate.enforcement.support.Checks;
import dev.metricgate.enforcement.support.EnforcementIT;
import dev.metricgate.enforcement.support.PlansServiceStub;
import dev.metricgate.enforcement.support.Trees;
import dev.metricgate.enforcement.support.Trees.Key;
import dev.metricgate.testsupport.KafkaRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/** {@code POST /v1/check} on real Redis and Kafka: limits, quotas, hierarchy, headers, errors. */
class CheckApiIT extends EnforcementIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private ResponseSpec check(Key key) {
        return check(key.plaintext(), null);
    }

    private ResponseSpec check(String apiKey, String jsonBody) {
        var request = http().post().uri("/v1/check");
        if (apiKey != null) {
            request = request.header("X-Api-Key", apiKey);
        }
        if (jsonBody != null) {
            return request.contentType(MediaType.APPLICATION_JSON)
                    .body(jsonBody)
                    .exchange();
        }
        return request.exchange();
    }

    private int status(Key key, String body) {
        return check(key.plaintext(), body).returnResult().getStatus().value();
    }

    @Test
    void givenRedisForgotTheChargeScript_whenChecking_thenTheScriptIsLoadedAgainAndTheCallIsCharged() {
        Key key = key(tenant(1, limits(1, 5, null))).registered();
        check(key).expectStatus().isOk();
        double fallbacksBefore = meters.find("metricgate.fallbacks").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();

        redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
            connection.scriptingCommands().scriptFlush();
            return null;
        });

        check(key).expectStatus().isOk().expectHeader().valueEquals("RateLimit", "\"rate\";r=3;t=2");
        assertThat(meters.find("metricgate.fallbacks").counters().stream()
                        .mapToDouble(io.micrometer.core.instrument.Counter::count)
                        .sum())
                .isEqualTo(fallbacksBefore);
    }

    @Test
    void givenBurstOfFive_whenCheckingSixTimes_thenFiveAllowedAndTheSixthRateLimitedWithHeaders() {
        Key key = key(tenant(1, limits(1, 5, null))).registered();

        for (int i = 0; i < 5; i++) {
            check(key)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("RateLimit-Policy", "\"rate\";q=5;w=5")
                    .expectHeader()
                    .valueEquals("RateLimit", "\"rate\";r=" + (4 - i) + ";t=" + (i + 1))
                    .expectBody()
                    .jsonPath("$.allowed")
                    .isEqualTo(true)
                    .jsonPath("$.apiKeyId")
                    .isEqualTo(key.keyId().toString())
                    .jsonPath("$.policies[0].name")
                    .isEqualTo("rate")
                    .jsonPath("$.policies[0].remaining")
                    .isEqualTo(4 - i);
        }
        check(key)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("Retry-After", "1")
                .expectHeader()
                .valueEquals("RateLimit", "\"rate\";r=0;t=5")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("rate_limited")
                .jsonPath("$.policy")
                .isEqualTo("rate")
                .jsonPath("$.tenantLevel")
                .isEqualTo(1);
    }

    @Test
    void givenEmptyBucket_whenTimePasses_thenItRefillsAtTheConfiguredRate() {
        Key key = key(tenant(1, limits(2, 4, null))).registered();
        for (int i = 0; i < 4; i++) {
            assertThat(status(key, null)).isEqualTo(200);
        }
        assertThat(status(key, null)).isEqualTo(429);

        clock.advance(Duration.ofMillis(1000));

        assertThat(status(key, null)).isEqualTo(200);
        assertThat(status(key, null)).isEqualTo(200);
        assertThat(status(key, null)).isEqualTo(429);
    }

    @Test
    void givenRouteLimit_whenThatRouteIsExhausted_thenRouteDeniedAndOtherRoutesStillAllowed() {
        var routes = List.of(new RouteLimit("POST /v1/orders", 1, 2));
        Key key = key(tenant(1, limits(100, 100, null, routes, "FAIL_SOFT", false)))
                .registered();
        String orders = "{\"route\":\"POST /v1/orders\"}";

        check(key.plaintext(), orders)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"rate\";q=100;w=1, \"route\";q=2;w=2");
        assertThat(status(key, orders)).isEqualTo(200);
        check(key.plaintext(), orders)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("rate_limited")
                .jsonPath("$.policy")
                .isEqualTo("route");
        assertThat(status(key, "{\"route\":\"GET /v1/orders\"}")).isEqualTo(200);
        assertThat(status(key, null)).isEqualTo(200);
    }

    @Test
    void givenBerlinCalendarAnchoredOnThe15th_whenQuotaIsSpent_thenDeniedUntilLocalMidnightOfThe15th() {
        UUID tenantId = UUID.randomUUID();
        Key key = key(tenant(tenantId, 1, "Europe/Berlin", 15, limits(1000, 1000, 3L)))
                .registered();
        // the next local midnight of a 15th in Berlin after today, whatever today is
        BillingPeriod period = BillingPeriod.containing(clock.instant(), BERLIN, 15);
        BillingPeriod next = period.next();
        // two minutes before the period ends
        clock.setNow(period.end().minusSeconds(120));

        for (int i = 0; i < 3; i++) {
            assertThat(status(key, null)).isEqualTo(200);
        }
        check(key)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .valueEquals("Retry-After", "120")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("quota_exceeded")
                .jsonPath("$.policy")
                .isEqualTo("quota")
                .jsonPath("$.tenantLevel")
                .isEqualTo(1);
        assertThat(redis.opsForValue().get("mg:{" + tenantId + "}:q:" + tenantId + ":" + period.id()))
                .isEqualTo("3");

        clock.setNow(period.end().minusSeconds(1));
        assertThat(status(key, null)).isEqualTo(429);

        clock.setNow(period.end());
        check(key)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("RateLimit-Policy", "\"rate\";q=1000;w=1, \"quota\";q=3;w=" + next.lengthSeconds());
        assertThat(redis.opsForValue().get("mg:{" + tenantId + "}:q:" + tenantId + ":" + next.id()))
                .isEqualTo("1");
    }

    @Test
    void givenInstanceClockAYearBehindRedis_whenQuotaIsCharged_thenTheCounterLivesByTheScriptsClock() {
        UUID tenantId = UUID.randomUUID();
        Key key = key(tenant(tenantId, 1, "UTC", 1, limits(1000, 1000, 2L))).registered();
        // the period this clock is in ended long ago by Redis's own clock
        clock.setNow(clock.instant().minus(Duration.ofDays(400)));
        BillingPeriod period = BillingPeriod.containing(clock.instant(), ZoneOffset.UTC, 1);
        String counter = "mg:{" + tenantId + "}:q:" + tenantId + ":" + period.id();
        Instant before = clock.instant();

        assertThat(status(key, null)).isEqualTo(200);
        assertThat(status(key, null)).isEqualTo(200);
        assertThat(status(key, null)).isEqualTo(429);

        assertThat(redis.opsForValue().get(counter)).isEqualTo("2");
        // the counter outlives its period by a day, measured from the clock that chose the period
        Instant expiry = period.end().plus(Duration.ofDays(1));
        long most = Duration.between(before, expiry).toMillis();
        long least = Duration.between(clock.instant(), expiry).toMillis() - 60_000;
        assertThat(redis.getExpire(counter, java.util.concurrent.TimeUnit.MILLISECONDS))
                .isBetween(least, most);
    }

    @Test
    void givenResellerQuotaSpent_whenItsCustomerChecks_thenDeniedAtLevelOneThoughItsOwnLimitsRemain() {
        TenantLevel reseller = tenant(1, limits(1000, 1000, 4L));
        Key first = key(reseller, tenant(2, limits(100, 100, 100L))).registered();
        Key second = key(reseller, tenant(2, limits(100, 100, 100L))).registered();

        for (int i = 0; i < 4; i++) {
            assertThat(status(first, null)).isEqualTo(200);
        }

        check(second)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("quota_exceeded")
                .jsonPath("$.tenantLevel")
                .isEqualTo(1);
    }

    @Test
    void givenAncestorDenies_whenChecking_thenNothingIsChargedAtAnyLevel() {
        UUID rootId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        TenantLevel root = tenant(rootId, 1, "UTC", 1, limits(1000, 1000, 2L));
        TenantLevel customer = tenant(customerId, 2, "UTC", 1, limits(10, 10, 50L));
        Key key = key(root, customer).registered();
        // the middle of this month: no period boundary falls inside the test
        BillingPeriod month = BillingPeriod.containing(clock.instant(), ZoneOffset.UTC, 1);
        clock.setNow(month.start().plus(Duration.ofDays(14)));
        assertThat(status(key, null)).isEqualTo(200);
        assertThat(status(key, "{\"cost\":1}")).isEqualTo(200);
        String bucket = "mg:{" + rootId + "}:b:" + customerId;
        String quota = "mg:{" + rootId + "}:q:" + customerId + ":" + month.id();
        String bucketBefore = redis.opsForValue().get(bucket);
        String rootBucketBefore = redis.opsForValue().get("mg:{" + rootId + "}:b:" + rootId);

        check(key)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody()
                .jsonPath("$.tenantLevel")
                .isEqualTo(1);

        assertThat(redis.opsForValue().get(quota)).isEqualTo("2");
        assertThat(redis.opsForValue().get("mg:{" + rootId + "}:q:" + rootId + ":" + month.id()))
                .isEqualTo("2");
        assertThat(redis.opsForValue().get(bucket)).isEqualTo(bucketBefore);
        // "milli-tokens:updatedAt": two of ten tokens taken (plus what refilled in between)
        assertThat(Long.parseLong(bucketBefore.substring(0, bucketBefore.indexOf(':'))))
                .isLessThan(10_000);
        assertThat(redis.opsForValue().get("mg:{" + rootId + "}:b:" + rootId)).isEqualTo(rootBucketBefore);
    }

    @Test
    void givenShadowPlan_whenOverTheLimit_thenAllowedAndRecordedAsShadowDenied() {
        Key key =
                key(tenant(1, limits(1, 1, null, List.of(), "FAIL_SOFT", true))).registered();

        assertThat(status(key, null)).isEqualTo(200);
        check(key).expectStatus().isOk().expectBody().jsonPath("$.allowed").isEqualTo(true);

        var events = KafkaRecords.await(
                Topics.USAGE_EVENTS, r -> r.value().contains(key.keyId().toString()), 2, Duration.ofSeconds(20));
        assertThat(events).hasSize(2);
        assertThat(events.stream().map(r -> r.value().contains("\"SHADOW_DENIED\"")))
                .containsExactlyInAnyOrder(false, true);
    }

    @Test
    void givenDecisions_whenPublished_thenOneUsageEventEachWithUniqueIdHeaderAndTenantKey() {
        TenantLevel reseller = tenant(1, limits(1000, 1000, null));
        TenantLevel customer = tenant(2, limits(1, 2, null));
        Key key = key(reseller, customer).registered();
        for (int i = 0; i < 3; i++) {
            check(key.plaintext(), "{\"route\":\"GET /v1/items\",\"cost\":1}");
        }

        var events = KafkaRecords.await(
                Topics.USAGE_EVENTS, r -> r.value().contains(key.keyId().toString()), 3, Duration.ofSeconds(20));

        assertThat(events).hasSize(3);
        assertThat(events).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(customer.tenantId().toString());
            assertThat(r.value()).contains("\"route\":\"GET /v1/items\"");
        });
        Set<String> ids = new java.util.HashSet<>();
        events.forEach(r -> ids.add(
                new String(r.headers().lastHeader(Topics.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8)));
        assertThat(ids).hasSize(3);
        assertThat(events.stream().filter(r -> r.value().contains("\"DENIED\"")))
                .singleElement()
                .satisfies(r -> assertThat(r.value())
                        .contains("\"deniedPolicy\":\"rate\"")
                        .contains("\"deniedLevel\":2"));
    }

    @Test
    void givenAnyUnusableKey_whenChecking_thenTheSame401ProblemForAll() {
        TenantLevel active = tenant(1, limits(10, 10, null));
        Key revoked = key(active).withStatus("REVOKED").registered();
        Key expired = key(clock.instant().minus(Duration.ofDays(1)), active).registered();
        Key suspendedParent = key(Trees.suspended(tenant(1, limits(10, 10, null))), tenant(2, limits(10, 10, null)))
                .registered();
        Key unknown = key(active);

        List<String> presented = java.util.Arrays.asList(
                null,
                "",
                "mg_has spaces in it",
                "Bearer not-a-key",
                "mg_" + "x".repeat(300),
                unknown.plaintext(),
                revoked.plaintext(),
                expired.plaintext(),
                suspendedParent.plaintext());
        for (String apiKey : presented) {
            check(apiKey, null)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .json("""
                            {"status":401,"code":"invalid_api_key","title":"Invalid API key",
                             "detail":"The X-Api-Key header is missing or does not name a usable key."}""");
        }
    }

    @Test
    void givenBadInput_whenChecking_then400ProblemAndNothingCharged() {
        Key key = key(tenant(1, limits(1, 10, 100L))).registered();
        String longRoute = "{\"route\":\"" + "r".repeat(10 * 1024) + "\"}";
        Map<String, String> badBodies = Map.of(
                "not json",
                "cost",
                "{\"cost\":0}",
                "cost",
                "{\"cost\":-1}",
                "cost",
                "{\"cost\":1000000000}",
                "cost",
                "{\"cost\":\"many\"}",
                "cost",
                longRoute,
                "route");

        badBodies.forEach((body, field) -> {
            var spec = check(key.plaintext(), body)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            if (!body.equals("not json")) {
                spec.expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
            }
        });

        check(key)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.policies[0].remaining")
                .isEqualTo(9);
    }

    @Test
    void givenProductionClock_whenScriptReadsRedisTime_thenItChargesLikeWithAGivenTime() throws Exception {
        String script;
        try (var in = getClass().getResourceAsStream("/scripts/charge.lua")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String bucket = "mg:{" + UUID.randomUUID() + "}:b:test";
        String stream = "mg:test:" + UUID.randomUUID() + ":stream";
        @SuppressWarnings({"unchecked", "rawtypes"})
        org.springframework.data.redis.core.script.RedisScript<List<Object>> redisScript =
                (org.springframework.data.redis.core.script.RedisScript)
                        org.springframework.data.redis.core.script.RedisScript.of(script, List.class);

        List<Object> first = redis.execute(
                redisScript, List.of(stream, bucket), "", "1", "1", "b", "0", "2", "1", "0", "1", "1", "{}", "1");
        List<Object> second = redis.execute(
                redisScript, List.of(stream, bucket), "", "1", "1", "b", "0", "2", "1", "0", "1", "1", "{}", "1");
        List<Object> third = redis.execute(
                redisScript, List.of(stream, bucket), "", "1", "1", "b", "0", "2", "1", "0", "1", "1", "{}", "1");

        assertThat(first.subList(0, 4)).containsExactly((Object) 0L, 0L, 0L, 1L);
        assertThat(second.subList(0, 4)).containsExactly((Object) 0L, 0L, 0L, 0L);
        assertThat(third.get(0)).isEqualTo(1L);
        assertThat(redis.getExpire(bucket)).isPositive();
        assertThat(redis.opsForStream().size(stream)).isEqualTo(3);
    }

    @Test
    void givenBurstOfMissesForOneKey_whenCheckedConcurrently_thenPlansServiceIsAskedOnce() throws Exception {
        Key key = key(tenant(1, limits(1000, 1000, null))).registered();
        PlansServiceStub.get().delay(300);
        List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 32; i++) {
                callers.submit(() -> statuses.add(status(key, null)));
            }
        } finally {
            PlansServiceStub.get().delay(0);
        }

        assertThat(statuses).hasSize(32).containsOnly(200);
        assertThat(PlansServiceStub.get().calls(key.hash())).isEqualTo(1);
    }

    @Test
    void givenUnknownKey_whenCheckedRepeatedly_thenPlansServiceIsAskedOnceWhileTheAnswerIsCached() {
        Key unknown = key(tenant(1, limits(10, 10, null)));

        for (int i = 0; i < 5; i++) {
            assertThat(status(unknown, null)).isEqualTo(401);
        }

        assertThat(PlansServiceStub.get().calls(unknown.hash())).isEqualTo(1);
    }

    @Test
    void givenDecisions_whenMeasured_thenCountedByOutcomePolicyAndCacheLevel() {
        Key key = key(tenant(1, limits(1, 1, null))).registered();
        double allowed = Checks.decisions(meters, "allowed", "none", "http");
        double denied = Checks.decisions(meters, "denied", "rate", "http");
        double localHits = meters.counter("metricgate.key.cache.lookups", "level", "local", "result", "hit")
                .count();
        double directoryHits = meters.counter("metricgate.key.cache.lookups", "level", "directory", "result", "hit")
                .count();

        assertThat(status(key, null)).isEqualTo(200);
        assertThat(status(key, null)).isEqualTo(429);

        assertThat(Checks.decisions(meters, "allowed", "none", "http")).isEqualTo(allowed + 1);
        assertThat(Checks.decisions(meters, "denied", "rate", "http")).isEqualTo(denied + 1);
        assertThat(meters.counter("metricgate.key.cache.lookups", "level", "local", "result", "hit")
                        .count())
                .isEqualTo(localHits + 1);
        assertThat(meters.counter("metricgate.key.cache.lookups", "level", "directory", "result", "hit")
                        .count())
                .isEqualTo(directoryHits + 1);
        assertThat(meters.get("metricgate.redis.latency").timer().count()).isPositive();
    }

    @Test
    void
            givenChecksWithAndWithoutTraceContext_whenTimed_thenOneRequestTimerCountsThemAllAndOnlyTracedOnesCarryTheTrace() {
        Key key = key(tenant(1, limits(1, 3, null))).registered();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        long allowedBefore = checkTimerCount("200");
        long deniedBefore = checkTimerCount("429");

        check(key).expectStatus().isOk();
        check(key).expectStatus().isOk();
        tracedCheck(key, traceparent).expectStatus().isOk();
        check(key)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody()
                .jsonPath("$.traceId")
                .doesNotExist();
        tracedCheck(key, traceparent)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody()
                .jsonPath("$.traceId")
                .isEqualTo(traceId);

        // the untraced checks are timed by CheckTiming, the traced ones by the HTTP observation: one
        // series per status means both give a check the same tags
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(checkTimerCount("200")).isEqualTo(allowedBefore + 3);
            assertThat(checkTimerCount("429")).isEqualTo(deniedBefore + 2);
        });
        var timer = meters.get("http.server.requests")
                .tag("uri", "/v1/check")
                .tag("status", "429")
                .timer();
        assertThat(timer.getId().getTags())
                .extracting(io.micrometer.core.instrument.Tag::getKey)
                .contains("error", "exception", "method", "outcome", "status", "uri");
        assertThat(timer.takeSnapshot().histogramCounts())
                .as("buckets for the dashboards' p99 across instances")
                .isNotEmpty();
    }

    private ResponseSpec tracedCheck(Key key, String traceparent) {
        return http().post()
                .uri("/v1/check")
                .header("X-Api-Key", key.plaintext())
                .header("traceparent", traceparent)
                .exchange();
    }

    private long checkTimerCount(String status) {
        var timers = meters.find("http.server.requests")
                .tag("uri", "/v1/check")
                .tag("status", status)
                .timers();
        assertThat(timers).as("one series for status " + status).hasSizeLessThanOrEqualTo(1);
        return timers.stream()
                .mapToLong(io.micrometer.core.instrument.Timer::count)
                .sum();
    }
}
