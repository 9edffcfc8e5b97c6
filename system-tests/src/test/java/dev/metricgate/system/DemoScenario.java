package dev.metricgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.testsupport.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The path a user walks through the whole system, against whichever deployment the URLs name:
 * admin token → plans, resellers, customers, keys → checks until 429 → the usage summary →
 * rotate → revoke → move a customer to another reseller → suspend that reseller.
 */
final class DemoScenario {

    private final String keycloak;
    private final String plans;
    private final String enforcement;
    private final String usage;

    DemoScenario(String keycloak, String plans, String enforcement, String usage) {
        this.keycloak = keycloak;
        this.plans = plans;
        this.enforcement = enforcement;
        this.usage = usage;
    }

    void run() {
        String admin = Api.token(keycloak, "platform-admin", "platform-admin");
        String tag = UUID.randomUUID().toString().substring(0, 8);

        // Two resellers; the second one's monthly quota is tiny so its subtree can be spent at once.
        String planA = id(created(Api.post(plans + "/v1/plans", admin, """
                {"name":"Reseller A %s","rateLimit":{"requestsPerSecond":10,"burst":20},"monthlyQuota":1000}""".formatted(tag))));
        String planB = id(created(Api.post(plans + "/v1/plans", admin, """
                {"name":"Reseller B %s","rateLimit":{"requestsPerSecond":10,"burst":20},"monthlyQuota":10}""".formatted(tag))));
        String customerPlan = id(created(Api.post(plans + "/v1/plans", admin, """
                {"name":"Customer %s","parentPlanId":"%s","rateLimit":{"requestsPerSecond":1,"burst":5},"monthlyQuota":10}""".formatted(tag, planB))));
        String resellerA = id(created(Api.post(plans + "/v1/tenants", admin, """
                {"name":"Reseller A %s","kind":"RESELLER","planId":"%s"}""".formatted(tag, planA))));
        String resellerB = id(created(Api.post(plans + "/v1/tenants", admin, """
                {"name":"Reseller B %s","kind":"RESELLER","planId":"%s"}""".formatted(tag, planB))));
        String customer =
                id(created(Api.post(plans + "/v1/tenants", admin, """
                {"name":"Customer %s","kind":"CUSTOMER","parentId":"%s","planId":"%s","timeZone":"Europe/Berlin","billingAnchorDay":15}""".formatted(tag, resellerA, customerPlan))));
        String neighbour = id(created(Api.post(plans + "/v1/tenants", admin, """
                {"name":"Neighbour %s","kind":"CUSTOMER","parentId":"%s","planId":"%s"}""".formatted(tag, resellerB, planB))));
        JsonNode key = created(Api.post(plans + "/v1/tenants/" + customer + "/api-keys", admin, "{\"name\":\"e2e\"}"));
        String apiKey = key.get("key").asString();
        String apiKeyId = key.get("id").asString();
        String neighbourKey = created(Api.post(plans + "/v1/tenants/" + neighbour + "/api-keys", admin, "{}"))
                .get("key")
                .asString();

        // Checks until 429: the customer's bucket holds 5.
        for (int i = 1; i <= 5; i++) {
            var allowed = Api.check(enforcement, apiKey);
            assertThat(allowed.status()).as("check %d", i).isEqualTo(200);
            assertThat(allowed.json().get("allowed").asBoolean()).isTrue();
            assertThat(allowed.header("RateLimit-Policy")).contains("\"rate\"");
            assertThat(allowed.header("RateLimit")).contains("\"rate\"");
        }
        var denied = Api.check(enforcement, apiKey);
        assertThat(denied.status()).isEqualTo(429);
        assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
        assertThat(denied.header("Retry-After")).isNotBlank();
        assertThat(denied.header("RateLimit")).contains("r=0");
        assertThat(denied.json().get("code").asString()).isEqualTo("rate_limited");

        // The usage summary shows exactly those decisions within 5 s.
        JsonNode summary = eventually(
                Duration.ofSeconds(5),
                () -> Api.get(usage + "/v1/usage/tenants/" + customer + "/summary?period=current", admin),
                r -> r.status() == 200
                        && r.json().get("allowed").asLong() == 5
                        && r.json().get("denied").asLong() == 1);
        assertThat(summary.get("used").asLong()).isEqualTo(5);
        assertThat(summary.get("quota").asLong()).isEqualTo(10);

        // Rotate: the old key stays valid during the grace period, the new one works.
        JsonNode rotated = created(
                Api.post(plans + "/v1/api-keys/" + apiKeyId + "/rotate", admin, "{\"gracePeriodSeconds\":600}"));
        String newKey = rotated.get("key").asString();
        assertThat(Api.check(enforcement, apiKey).status()).isNotEqualTo(401);
        eventually(Duration.ofSeconds(3), () -> Api.check(enforcement, newKey), r -> r.status() == 200);

        // Revoke the old key: 401 within a second.
        assertThat(Api.delete(plans + "/v1/api-keys/" + apiKeyId, admin).status())
                .isEqualTo(204);
        eventually(Duration.ofSeconds(1), () -> Api.check(enforcement, apiKey), r -> r.status() == 401);

        // Spend reseller B's quota through its other customer, then move our customer under B:
        // B's limits apply to it within a second.
        assertThat(Api.checkCost(enforcement, neighbourKey, 10).status()).isEqualTo(200);
        assertThat(Api.patch(plans + "/v1/tenants/" + customer, admin, "{\"parentId\":\"" + resellerB + "\"}")
                        .status())
                .isEqualTo(200);
        JsonNode movedDenial = eventually(
                Duration.ofSeconds(1),
                () -> Api.check(enforcement, newKey),
                r -> r.status() == 429
                        && "quota_exceeded".equals(r.json().get("code").asString()));
        assertThat(movedDenial.toString()).contains("quota");

        // Suspend reseller B: its customers' keys get 401.
        assertThat(Api.patch(plans + "/v1/tenants/" + resellerB, admin, "{\"status\":\"SUSPENDED\"}")
                        .status())
                .isEqualTo(200);
        eventually(Duration.ofSeconds(1), () -> Api.check(enforcement, newKey), r -> r.status() == 401);
        eventually(Duration.ofSeconds(1), () -> Api.check(enforcement, neighbourKey), r -> r.status() == 401);
    }

    private static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.json();
    }

    private static String id(JsonNode node) {
        return node.get("id").asString();
    }

    private static JsonNode eventually(
            Duration within, Supplier<Api.Response> call, Predicate<Api.Response> condition) {
        Instant deadline = Instant.now().plus(within);
        Api.Response last;
        do {
            last = call.get();
            if (condition.test(last)) {
                return last.json();
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("not within " + within + "; last answer " + last.status() + " "
                + last.raw().body());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
