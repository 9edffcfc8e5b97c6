package dev.metricgate.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpMethod;

/**
 * Bad input never gives a 500 and never writes anything: malformed JSON, wrong types, unknown enum
 * values, over-long names, negative limits and unknown ids get 400/404/422 problems naming the
 * offending field or resource.
 */
class BadInputIT extends PlansServiceITBase {

    private static final String LONG_NAME = "n".repeat(201);

    /**
     * @param field the field the 400 problem must name, or the code a 404/422 problem must carry
     */
    record Case(String name, HttpMethod method, String uri, Object body, int status, String field) {}

    private List<Case> cases(UUID reseller, UUID key, UUID plan) {
        UUID unknown = UUID.randomUUID();
        String tenants = "/v1/tenants";
        String one = "/v1/tenants/" + reseller;
        return List.of(
                new Case("malformed JSON", HttpMethod.POST, tenants, "{\"name\": ", 400, null),
                new Case("malformed JSON on patch", HttpMethod.PATCH, one, "{name}", 400, null),
                new Case("malformed JSON on plan", HttpMethod.POST, "/v1/plans", "[1,", 400, null),
                new Case("missing name", HttpMethod.POST, tenants, map("kind", "RESELLER"), 400, "name"),
                new Case("blank name", HttpMethod.POST, tenants, map("name", " ", "kind", "RESELLER"), 400, "name"),
                new Case(
                        "over-long name",
                        HttpMethod.POST,
                        tenants,
                        map("name", LONG_NAME, "kind", "RESELLER"),
                        400,
                        "name"),
                new Case("over-long rename", HttpMethod.PATCH, one, map("name", LONG_NAME), 400, "name"),
                new Case("unknown kind", HttpMethod.POST, tenants, map("name", "x", "kind", "PARTNER"), 400, "kind"),
                new Case("missing kind", HttpMethod.POST, tenants, map("name", "x"), 400, "kind"),
                new Case(
                        "parentId not a UUID",
                        HttpMethod.POST,
                        tenants,
                        map("name", "x", "kind", "CUSTOMER", "parentId", "abc"),
                        400,
                        "parentId"),
                new Case(
                        "anchor day wrong type",
                        HttpMethod.POST,
                        tenants,
                        map("name", "x", "kind", "RESELLER", "billingAnchorDay", "first"),
                        400,
                        "billingAnchorDay"),
                new Case(
                        "anchor day out of range",
                        HttpMethod.POST,
                        tenants,
                        map("name", "x", "kind", "RESELLER", "billingAnchorDay", 29),
                        400,
                        "billingAnchorDay"),
                new Case(
                        "unknown time zone",
                        HttpMethod.POST,
                        tenants,
                        map("name", "x", "kind", "RESELLER", "timeZone", "Mars/Olympus"),
                        400,
                        "timeZone"),
                new Case("unknown status", HttpMethod.PATCH, one, map("status", "ARCHIVED"), 400, "status"),
                new Case(
                        "status DELETED by patch",
                        HttpMethod.PATCH,
                        one,
                        map("status", "DELETED"),
                        422,
                        "tenant.invalid_status_change"),
                new Case(
                        "unknown parent",
                        HttpMethod.POST,
                        tenants,
                        map("name", "x", "kind", "CUSTOMER", "parentId", unknown),
                        404,
                        "tenant.not_found"),
                new Case(
                        "unknown plan",
                        HttpMethod.POST,
                        tenants,
                        map("name", "x", "kind", "RESELLER", "planId", unknown),
                        404,
                        "plan.not_found"),
                new Case("unknown plan on patch", HttpMethod.PATCH, one, map("planId", unknown), 404, "plan.not_found"),
                new Case("unknown tenant", HttpMethod.GET, "/v1/tenants/" + unknown, null, 404, "tenant.not_found"),
                new Case("tenant id not a UUID", HttpMethod.GET, "/v1/tenants/42", null, 400, "id"),
                new Case("page size too large", HttpMethod.GET, "/v1/tenants?size=100000", null, 400, "size"),
                new Case(
                        "negative quota",
                        HttpMethod.POST,
                        "/v1/plans",
                        map("name", "p", "monthlyQuota", -1),
                        400,
                        "monthlyQuota"),
                new Case(
                        "zero rate",
                        HttpMethod.POST,
                        "/v1/plans",
                        map("name", "p", "rateLimit", map("requestsPerSecond", 0, "burst", 1)),
                        400,
                        "rateLimit.requestsPerSecond"),
                new Case(
                        "negative route burst",
                        HttpMethod.POST,
                        "/v1/plans",
                        map(
                                "name",
                                "p",
                                "routeLimits",
                                List.of(map("route", "GET /a", "requestsPerSecond", 1, "burst", -5))),
                        400,
                        "routeLimits[0].burst"),
                new Case(
                        "rate wrong type",
                        HttpMethod.POST,
                        "/v1/plans",
                        map("name", "p", "rateLimit", map("requestsPerSecond", "fast", "burst", 1)),
                        400,
                        "rateLimit.requestsPerSecond"),
                new Case(
                        "unknown failure mode",
                        HttpMethod.POST,
                        "/v1/plans",
                        map("name", "p", "failureMode", "SOMETIMES"),
                        400,
                        "failureMode"),
                new Case("over-long plan name", HttpMethod.POST, "/v1/plans", map("name", LONG_NAME), 400, "name"),
                new Case(
                        "unknown parent plan",
                        HttpMethod.POST,
                        "/v1/plans",
                        map("name", "p", "parentPlanId", unknown),
                        404,
                        "plan.not_found"),
                new Case(
                        "plan is its own parent",
                        HttpMethod.PUT,
                        "/v1/plans/" + plan,
                        map("name", "p", "parentPlanId", plan),
                        422,
                        "plan.cycle"),
                new Case(
                        "unknown plan on put",
                        HttpMethod.PUT,
                        "/v1/plans/" + unknown,
                        map("name", "p"),
                        404,
                        "plan.not_found"),
                new Case("over-long key name", HttpMethod.POST, one + "/api-keys", map("name", LONG_NAME), 400, "name"),
                new Case(
                        "expiry wrong type",
                        HttpMethod.POST,
                        one + "/api-keys",
                        map("expiresAt", "tomorrow"),
                        400,
                        "expiresAt"),
                new Case(
                        "expiry in the past",
                        HttpMethod.POST,
                        one + "/api-keys",
                        map("expiresAt", Instant.now().minus(1, ChronoUnit.DAYS).toString()),
                        422,
                        "api_key.expiry_in_past"),
                new Case(
                        "keys of unknown tenant",
                        HttpMethod.POST,
                        "/v1/tenants/" + unknown + "/api-keys",
                        null,
                        404,
                        "tenant.not_found"),
                new Case(
                        "grace too long",
                        HttpMethod.POST,
                        "/v1/api-keys/" + key + "/rotate",
                        map("gracePeriodSeconds", 2_592_001),
                        400,
                        "gracePeriodSeconds"),
                new Case(
                        "negative grace",
                        HttpMethod.POST,
                        "/v1/api-keys/" + key + "/rotate",
                        map("gracePeriodSeconds", -1),
                        400,
                        "gracePeriodSeconds"),
                new Case(
                        "rotate unknown key",
                        HttpMethod.POST,
                        "/v1/api-keys/" + unknown + "/rotate",
                        null,
                        404,
                        "api_key.not_found"),
                new Case(
                        "revoke unknown key",
                        HttpMethod.DELETE,
                        "/v1/api-keys/" + unknown,
                        null,
                        404,
                        "api_key.not_found"),
                new Case(
                        "admin with bad email",
                        HttpMethod.POST,
                        one + "/admins",
                        map("username", "valid-name", "email", "not-an-email"),
                        400,
                        "email"),
                new Case(
                        "admin with unknown role",
                        HttpMethod.POST,
                        one + "/admins",
                        map("username", "valid-name", "email", "a@example.com", "role", "platform-admin"),
                        400,
                        "role"),
                new Case("audit with bad date", HttpMethod.GET, "/v1/audit-events?from=yesterday", null, 400, "from"));
    }

    private String tableCounts() {
        return jdbc.queryForList("select (select count(*) from tenants) t, (select count(*) from plans) p,"
                        + " (select count(*) from api_keys) k, (select count(*) from audit_events) a,"
                        + " (select count(*) from outbox_events) o, (select max(updated_at) from tenants) u,"
                        + " (select max(updated_at) from plans) pu")
                .toString();
    }

    @TestFactory
    Stream<DynamicTest> badInputIsRefusedWithAProblemAndWritesNothing() {
        UUID reseller = reseller(null);
        UUID plan = createPlan(plan(null, 10, 100L));
        UUID key = UUID.fromString(post("/v1/tenants/" + reseller + "/api-keys", ADMIN, null)
                .json()
                .get("id")
                .asString());
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases(reseller, key, plan)) {
            tests.add(DynamicTest.dynamicTest(c.name() + " -> " + c.status(), () -> {
                String before = tableCounts();

                Reply reply = call(c.method(), c.uri(), ADMIN, c.body());

                assertThat(reply.status()).as(reply.raw()).isEqualTo(c.status());
                assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
                if (c.status() == 400 && c.field() != null) {
                    assertThat(reply.json()
                                    .get("errors")
                                    .valueStream()
                                    .map(e -> e.get("field").asString()))
                            .as(reply.raw())
                            .contains(c.field());
                } else if (c.status() == 400) {
                    assertThat(reply.code()).isEqualTo("malformed_request");
                } else {
                    assertThat(reply.code()).isEqualTo(c.field());
                }
                assertThat(tableCounts()).isEqualTo(before);
            }));
        }
        return tests.stream();
    }
}
