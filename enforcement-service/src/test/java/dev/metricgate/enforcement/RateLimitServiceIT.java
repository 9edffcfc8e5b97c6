package dev.metricgate.enforcement;

import static dev.metricgate.enforcement.support.Trees.key;
import static dev.metricgate.enforcement.support.Trees.limits;
import static dev.metricgate.enforcement.support.Trees.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metricgate.contracts.KeyResolution.RouteLimit;
import dev.metricgate.contracts.KeyResolution.TenantLevel;
import dev.metricgate.contracts.Topics;
import dev.metricgate.enforcement.support.Checks;
import dev.metricgate.enforcement.support.EnforcementIT;
import dev.metricgate.enforcement.support.Rls;
import dev.metricgate.enforcement.support.Trees;
import dev.metricgate.enforcement.support.Trees.Key;
import dev.metricgate.testsupport.KafkaRecords;
import io.envoyproxy.envoy.extensions.common.ratelimit.v3.RateLimitDescriptor;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitRequest;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse.Code;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse.RateLimit.Unit;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Envoy's {@code ShouldRateLimit} on the generated Envoy stubs, on real Redis and Kafka: the same
 * decisions as {@code POST /v1/check} (ADR 0021).
 */
class RateLimitServiceIT extends EnforcementIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    private Rls rls;

    @BeforeEach
    void connect() {
        rls = Rls.to(context);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        rls.close();
    }

    @Test
    void givenKeyWithinItsLimits_whenEnvoyAsks_thenOkWithTheBindingLimitAndTheRateLimitHeaders() {
        Key key = key(tenant(1, limits(2, 5, 1000L))).registered();

        RateLimitResponse response = rls.check(key.plaintext());

        assertThat(response.getOverallCode()).isEqualTo(Code.OK);
        assertThat(response.getStatusesList()).singleElement().satisfies(status -> {
            assertThat(status.getCode()).isEqualTo(Code.OK);
            // the bucket (4 of 5 left) binds before the quota (999 of 1000); it refills at 2 per second
            assertThat(status.getCurrentLimit().getName()).isEqualTo("rate");
            assertThat(status.getCurrentLimit().getRequestsPerUnit()).isEqualTo(2);
            assertThat(status.getCurrentLimit().getUnit()).isEqualTo(Unit.SECOND);
            assertThat(status.getLimitRemaining()).isEqualTo(4);
            assertThat(status.getDurationUntilReset().getSeconds()).isEqualTo(1);
        });
        assertThat(Rls.header(response, "RateLimit-Policy")).startsWith("\"rate\";q=5;w=3, \"quota\";q=1000;w=");
        assertThat(Rls.header(response, "RateLimit")).startsWith("\"rate\";r=4;t=1, \"quota\";r=999;t=");
        assertThat(Rls.header(response, "Retry-After")).isNull();
        assertThat(response.getRawBody().isEmpty()).isTrue();
        assertThat(Checks.decisions(meters, "allowed", "none", "grpc")).isPositive();
    }

    @Test
    void givenBurstOfFive_whenEnvoyAsksSixTimes_thenFiveOkAndTheSixthOverLimitWithRetryAfterAndTheProblem() {
        Key key = key(tenant(1, limits(1, 5, null))).registered();

        for (int i = 0; i < 5; i++) {
            RateLimitResponse response = rls.check(key.plaintext());
            assertThat(response.getOverallCode()).isEqualTo(Code.OK);
            assertThat(response.getStatuses(0).getLimitRemaining()).isEqualTo(4 - i);
        }
        RateLimitResponse denied = rls.check(key.plaintext());

        assertThat(denied.getOverallCode()).isEqualTo(Code.OVER_LIMIT);
        assertThat(denied.getStatuses(0).getCode()).isEqualTo(Code.OVER_LIMIT);
        assertThat(denied.getStatuses(0).getLimitRemaining()).isZero();
        assertThat(Rls.header(denied, "Retry-After")).isEqualTo("1");
        assertThat(Rls.header(denied, "RateLimit")).isEqualTo("\"rate\";r=0;t=5");
        assertThat(Rls.header(denied, "Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(denied.getRawBody().toString(StandardCharsets.UTF_8));
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("code").asString()).isEqualTo("rate_limited");
        assertThat(problem.get("policy").asString()).isEqualTo("rate");
    }

    @Test
    void givenResellerQuotaSpent_whenItsCustomerAsks_thenOverLimitByTheResellersQuota() {
        TenantLevel reseller = tenant(1, limits(1000, 1000, 4L));
        Key first = key(reseller, tenant(2, limits(100, 100, 100L))).registered();
        Key second = key(reseller, tenant(2, limits(100, 100, 100L))).registered();
        for (int i = 0; i < 4; i++) {
            assertThat(rls.check(first.plaintext()).getOverallCode()).isEqualTo(Code.OK);
        }

        RateLimitResponse denied = rls.check(second.plaintext());

        assertThat(denied.getOverallCode()).isEqualTo(Code.OVER_LIMIT);
        assertThat(denied.getStatuses(0).getCurrentLimit().getName()).isEqualTo("quota");
        assertThat(denied.getStatuses(0).getCurrentLimit().getUnit()).isEqualTo(Unit.MONTH);
        assertThat(denied.getStatuses(0).getCurrentLimit().getRequestsPerUnit()).isEqualTo(4);
        JsonNode problem = JSON.readTree(denied.getRawBody().toString(StandardCharsets.UTF_8));
        assertThat(problem.get("code").asString()).isEqualTo("quota_exceeded");
        assertThat(problem.get("tenantLevel").asInt()).isEqualTo(1);
    }

    @Test
    void givenHitsAddend_whenEnvoyAsks_thenThatCostIsCharged_andZeroMeansOne() {
        Key key = key(tenant(1, limits(1000, 1000, 10L))).registered();

        RateLimitResponse four = rls.check(key.plaintext(), null, 4);
        RateLimitResponse one = rls.check(key.plaintext(), null, 0);
        RateLimitResponse six = rls.check(key.plaintext(), null, 6);

        assertThat(Rls.header(four, "RateLimit")).contains("\"quota\";r=6;");
        assertThat(Rls.header(one, "RateLimit")).contains("\"quota\";r=5;");
        assertThat(six.getOverallCode()).isEqualTo(Code.OVER_LIMIT);
        assertThat(rls.check(key.plaintext(), null, 5).getOverallCode()).isEqualTo(Code.OK);
    }

    @Test
    void givenRouteLimit_whenTheRouteEntryNamesIt_thenTheRouteIsLimitedAndOtherRoutesAreNot() {
        var routes = List.of(new RouteLimit("POST /v1/orders", 1, 2));
        Key key = key(tenant(1, limits(100, 100, null, routes, "FAIL_SOFT", false)))
                .registered();

        assertThat(rls.check(key.plaintext(), "POST /v1/orders", 1).getOverallCode())
                .isEqualTo(Code.OK);
        assertThat(rls.check(key.plaintext(), "POST /v1/orders", 1).getOverallCode())
                .isEqualTo(Code.OK);
        RateLimitResponse denied = rls.check(key.plaintext(), "POST /v1/orders", 1);

        assertThat(denied.getOverallCode()).isEqualTo(Code.OVER_LIMIT);
        assertThat(denied.getStatuses(0).getCurrentLimit().getName()).isEqualTo("route");
        assertThat(denied.getStatuses(0).getCurrentLimit().getRequestsPerUnit()).isEqualTo(1);
        assertThat(denied.getStatuses(0).getCurrentLimit().getUnit()).isEqualTo(Unit.SECOND);
        assertThat(rls.check(key.plaintext(), "GET /v1/orders", 1).getOverallCode())
                .isEqualTo(Code.OK);
        assertThat(rls.check(key.plaintext()).getOverallCode()).isEqualTo(Code.OK);
    }

    @Test
    void givenAnyUnusableKey_whenEnvoyAsks_thenNeverOk_butOverLimitWithTheSame401ProblemForAll() {
        TenantLevel active = tenant(1, limits(10, 10, null));
        Key revoked = key(active).withStatus("REVOKED").registered();
        Key expired = key(clock.instant().minus(Duration.ofDays(1)), active).registered();
        Key suspendedParent = key(Trees.suspended(tenant(1, limits(10, 10, null))), tenant(2, limits(10, 10, null)))
                .registered();
        List<String> presented = Arrays.asList(
                null,
                "",
                "mg_has spaces in it",
                key(active).plaintext(),
                revoked.plaintext(),
                expired.plaintext(),
                suspendedParent.plaintext());

        for (String apiKey : presented) {
            RateLimitResponse response = rls.check(apiKey);
            assertThat(response.getOverallCode()).as("key %s", apiKey).isEqualTo(Code.OVER_LIMIT);
            assertThat(response.getStatusesList())
                    .allSatisfy(s -> assertThat(s.getCode()).isEqualTo(Code.OVER_LIMIT));
            JsonNode problem = JSON.readTree(response.getRawBody().toString(StandardCharsets.UTF_8));
            assertThat(problem.get("status").asInt()).isEqualTo(401);
            assertThat(problem.get("code").asString()).isEqualTo("invalid_api_key");
        }
    }

    @Test
    void givenARequestThatIsNotOneCheck_whenEnvoyAsks_thenInvalidArgumentAndNothingCharged() {
        Key key = key(tenant(1, limits(1000, 1000, 10L))).registered();
        Key other = key(tenant(1, limits(1000, 1000, 10L))).registered();
        RateLimitRequest otherDomain = Rls.request(key.plaintext(), null, 1).toBuilder()
                .setDomain("edge")
                .build();
        RateLimitRequest twoKeys = Rls.request(key.plaintext(), null, 1).toBuilder()
                .addDescriptors(RateLimitDescriptor.newBuilder().addEntries(Rls.entry("api_key", other.plaintext())))
                .build();
        RateLimitRequest tooCostly = Rls.request(key.plaintext(), null, 1001);

        for (RateLimitRequest request : List.of(otherDomain, twoKeys, tooCostly)) {
            assertThatThrownBy(() -> rls.check(request))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        }
        assertThat(Rls.header(rls.check(key.plaintext()), "RateLimit")).contains("\"quota\";r=9;");
    }

    @Test
    void givenTwoDescriptorsOfOneCall_whenEnvoyAsks_thenOneDecisionAndAStatusForEach() {
        Key key = key(tenant(1, limits(1000, 1000, 10L))).registered();
        RateLimitRequest request = RateLimitRequest.newBuilder()
                .setDomain("metricgate")
                .addDescriptors(RateLimitDescriptor.newBuilder().addEntries(Rls.entry("api_key", key.plaintext())))
                .addDescriptors(RateLimitDescriptor.newBuilder()
                        .addEntries(Rls.entry("api_key", key.plaintext()))
                        .addEntries(Rls.entry("route", "GET /v1/items")))
                .build();

        RateLimitResponse response = rls.check(request);

        assertThat(response.getStatusesList())
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.getCode()).isEqualTo(Code.OK));
        assertThat(Rls.header(response, "RateLimit")).contains("\"quota\";r=9;");
    }

    @Test
    void givenGrpcDecisions_whenPublished_thenEachHasOneUsageEventWithItsRouteAndCost() {
        TenantLevel customer = tenant(1, limits(1, 4, null));
        Key key = key(customer).registered();

        assertThat(rls.check(key.plaintext(), "GET /v1/items", 3).getOverallCode())
                .isEqualTo(Code.OK);
        assertThat(rls.check(key.plaintext(), "GET /v1/items", 2).getOverallCode())
                .isEqualTo(Code.OVER_LIMIT);

        var events = KafkaRecords.await(
                Topics.USAGE_EVENTS, r -> r.value().contains(key.keyId().toString()), 2, Duration.ofSeconds(20));
        assertThat(events).hasSize(2).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(customer.tenantId().toString());
            assertThat(r.value()).contains("\"route\":\"GET /v1/items\"");
        });
        assertThat(events.stream().filter(r -> r.value().contains("\"DENIED\"")))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"cost\":2"));
        assertThat(events.stream().filter(r -> r.value().contains("\"ALLOWED\"")))
                .singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"cost\":3"));
    }

    @Test
    void givenTheGrpcPort_whenAskedForHealth_thenTheServerAndTheRateLimitServiceServe() {
        var health = HealthGrpc.newBlockingStub(rls.channel());

        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.newBuilder()
                                .setService("envoy.service.ratelimit.v3.RateLimitService")
                                .build())
                        .getStatus())
                .isEqualTo(ServingStatus.SERVING);
    }
}
