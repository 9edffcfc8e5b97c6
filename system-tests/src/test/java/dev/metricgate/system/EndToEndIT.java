package dev.metricgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.testsupport.Api;
import dev.metricgate.testsupport.LocalSystem;
import io.envoyproxy.envoy.extensions.common.ratelimit.v3.RateLimitDescriptor;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitRequest;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The demo path across the three service processes on real Keycloak, PostgreSQL, Redis and Kafka;
 * then the Grafana dashboard is checked against what those processes really export.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    @Test
    @Order(1)
    void adminSetsUpTenantsAndKeys_consumerIsLimited_usageIsReported_keyLifecycleAndHierarchyChangesApply() {
        var system = LocalSystem.get();

        new DemoScenario(system.keycloak, system.plans, system.enforcement, system.usage).run();
    }

    @Test
    @Order(2)
    void redisLosesTheQuotaCounters_theUsedQuotaIsRebuiltFromUsageServiceBeforeMoreIsAdmitted() {
        var system = LocalSystem.get();
        String admin = Api.token(system.keycloak, "platform-admin", "platform-admin");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String resellerPlan = created(Api.post(system.plans + "/v1/plans", admin, """
                {"name":"Rebuilt %s","rateLimit":{"requestsPerSecond":100,"burst":100},"monthlyQuota":8}""".formatted(tag)));
        String customerPlan = created(Api.post(system.plans + "/v1/plans", admin, """
                {"name":"Rebuilt customer %s","parentPlanId":"%s","rateLimit":{"requestsPerSecond":100,"burst":100}}""".formatted(tag, resellerPlan)));
        String reseller = created(Api.post(system.plans + "/v1/tenants", admin, """
                {"name":"Rebuilt %s","kind":"RESELLER","planId":"%s"}""".formatted(tag, resellerPlan)));
        String customer =
                created(Api.post(system.plans + "/v1/tenants", admin, """
                {"name":"Rebuilt customer %s","kind":"CUSTOMER","parentId":"%s","planId":"%s"}""".formatted(tag, reseller, customerPlan)));
        String apiKey = Api.post(system.plans + "/v1/tenants/" + customer + "/api-keys", admin, "{}")
                .json()
                .get("key")
                .asString();
        for (int i = 0; i < 5; i++) {
            assertThat(Api.check(system.enforcement, apiKey).status()).isEqualTo(200);
        }
        Awaitility.await("usage-service records the 5 decisions")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Api.get(system.usage + "/v1/usage/tenants/" + reseller + "/summary?period=current", admin)
                                .json()
                                .get("used")
                                .asLong()
                        == 5);

        RedisClient client = RedisClient.create("redis://127.0.0.1:" + system.redisPort);
        try (var redis = client.connect()) {
            redis.sync().flushall();
        } finally {
            client.shutdown();
        }

        // 3 of the quota of 8 are left; with the counters simply gone, 8 more would pass
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(Api.check(system.enforcement, apiKey).status());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
    }

    @Test
    @Order(3)
    void envoyAsksOverGrpc_theKeyIsLimitedLikeOverHttp_andUsageServiceCountsTheDecisions() throws Exception {
        var system = LocalSystem.get();
        String admin = Api.token(system.keycloak, "platform-admin", "platform-admin");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String plan = created(Api.post(system.plans + "/v1/plans", admin, """
                {"name":"Envoy %s","rateLimit":{"requestsPerSecond":1,"burst":3},"monthlyQuota":1000}""".formatted(tag)));
        String tenant = created(Api.post(system.plans + "/v1/tenants", admin, """
                {"name":"Envoy %s","kind":"RESELLER","planId":"%s"}""".formatted(tag, plan)));
        String apiKey = Api.post(system.plans + "/v1/tenants/" + tenant + "/api-keys", admin, "{}")
                .json()
                .get("key")
                .asString();
        var request = RateLimitRequest.newBuilder()
                .setDomain("metricgate")
                .addDescriptors(RateLimitDescriptor.newBuilder()
                        .addEntries(RateLimitDescriptor.Entry.newBuilder()
                                .setKey("api_key")
                                .setValue(apiKey)))
                .build();

        List<RateLimitResponse.Code> codes = new ArrayList<>();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", system.enforcementGrpcPort)
                .usePlaintext()
                .build();
        try {
            var stub = RateLimitServiceGrpc.newBlockingStub(channel);
            for (int i = 0; i < 4; i++) {
                codes.add(stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                        .shouldRateLimit(request)
                        .getOverallCode());
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        assertThat(codes)
                .containsExactly(
                        RateLimitResponse.Code.OK,
                        RateLimitResponse.Code.OK,
                        RateLimitResponse.Code.OK,
                        RateLimitResponse.Code.OVER_LIMIT);
        Awaitility.await("usage-service records the 3 allowed gRPC decisions")
                .atMost(Duration.ofSeconds(30))
                .until(() -> Api.get(system.usage + "/v1/usage/tenants/" + tenant + "/summary?period=current", admin)
                                .json()
                                .get("used")
                                .asLong()
                        == 3);
    }

    @Test
    @Order(4)
    void grafanaDashboard_isValidAndQueriesOnlyMetricsTheServicesExport() throws IOException {
        var system = LocalSystem.get();
        JsonNode dashboard = DashboardMetrics.dashboard();
        Set<String> exported = new TreeSet<>();
        for (String base : new String[] {system.plans, system.enforcement, system.usage}) {
            var scrape = Api.get(base + "/actuator/prometheus");
            assertThat(scrape.status()).isEqualTo(200);
            exported.addAll(DashboardMetrics.exported(scrape.raw().body()));
        }

        Set<String> referenced = DashboardMetrics.referencedMetrics(dashboard);

        assertThat(dashboard.get("title").asString()).isEqualTo("MetricGate");
        assertThat(referenced).hasSizeGreaterThanOrEqualTo(8);
        assertThat(exported).containsAll(referenced);
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
