package dev.metricgate.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.testsupport.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpMethod;

/**
 * Every admin endpoint against every kind of caller. A tenant-admin acts inside the subtree rooted
 * at its tenant, a viewer there only reads, anything outside the subtree answers 404 (ADR 0100).
 */
class AuthorizationMatrixIT extends PlansServiceITBase {

    /** A fresh tree per case: root → top (the callers' tenant) → target; root → sibling. */
    record Fixture(UUID root, UUID top, UUID target, UUID sibling, UUID plan, UUID key) {}

    record Request(HttpMethod method, String uri, Object body) {}

    enum Who {
        NO_TOKEN,
        PLATFORM_ADMIN,
        SUBTREE_ADMIN,
        SIBLING_ADMIN,
        SUBTREE_VIEWER
    }

    /** One endpoint with the status each caller gets, in the order of {@link Who}. */
    record Endpoint(String name, Function<Fixture, Request> request, int... expected) {}

    private static final int PROVISIONED = 503;

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(
                    "POST /v1/tenants",
                    f -> new Request(
                            HttpMethod.POST,
                            "/v1/tenants",
                            map("name", "new", "kind", "CUSTOMER", "parentId", f.top())),
                    401,
                    201,
                    201,
                    404,
                    403),
            new Endpoint(
                    "GET /v1/tenants/{id}",
                    f -> new Request(HttpMethod.GET, "/v1/tenants/" + f.target(), null),
                    401,
                    200,
                    200,
                    404,
                    200),
            new Endpoint(
                    "GET /v1/tenants?parentId=",
                    f -> new Request(HttpMethod.GET, "/v1/tenants?parentId=" + f.top(), null),
                    401,
                    200,
                    200,
                    404,
                    200),
            new Endpoint(
                    "PATCH /v1/tenants/{id}",
                    f -> new Request(HttpMethod.PATCH, "/v1/tenants/" + f.target(), map("name", "renamed")),
                    401,
                    200,
                    200,
                    404,
                    403),
            new Endpoint(
                    "DELETE /v1/tenants/{id}",
                    f -> new Request(HttpMethod.DELETE, "/v1/tenants/" + f.target(), null),
                    401,
                    204,
                    204,
                    404,
                    403),
            new Endpoint(
                    "POST /v1/tenants/{id}/admins",
                    f -> new Request(
                            HttpMethod.POST,
                            "/v1/tenants/" + f.target() + "/admins",
                            map("username", "u" + UUID.randomUUID(), "email", "x@example.com")),
                    401,
                    PROVISIONED,
                    PROVISIONED,
                    404,
                    403),
            new Endpoint(
                    "POST /v1/plans",
                    f -> new Request(HttpMethod.POST, "/v1/plans", map("name", "p", "ownerTenantId", f.top())),
                    401,
                    201,
                    201,
                    404,
                    403),
            new Endpoint(
                    "GET /v1/plans/{id}",
                    f -> new Request(HttpMethod.GET, "/v1/plans/" + f.plan(), null),
                    401,
                    200,
                    200,
                    404,
                    200),
            new Endpoint("GET /v1/plans", f -> new Request(HttpMethod.GET, "/v1/plans", null), 401, 200, 200, 200, 200),
            new Endpoint(
                    "PUT /v1/plans/{id}",
                    f -> new Request(
                            HttpMethod.PUT, "/v1/plans/" + f.plan(), map("name", "renamed", "monthlyQuota", 10)),
                    401,
                    200,
                    200,
                    404,
                    403),
            new Endpoint(
                    "DELETE /v1/plans/{id}",
                    f -> new Request(HttpMethod.DELETE, "/v1/plans/" + f.plan(), null),
                    401,
                    204,
                    204,
                    404,
                    403),
            new Endpoint(
                    "POST /v1/tenants/{id}/api-keys",
                    f -> new Request(HttpMethod.POST, "/v1/tenants/" + f.target() + "/api-keys", map("name", "k")),
                    401,
                    201,
                    201,
                    404,
                    403),
            new Endpoint(
                    "GET /v1/tenants/{id}/api-keys",
                    f -> new Request(HttpMethod.GET, "/v1/tenants/" + f.target() + "/api-keys", null),
                    401,
                    200,
                    200,
                    404,
                    200),
            new Endpoint(
                    "POST /v1/api-keys/{id}/rotate",
                    f -> new Request(HttpMethod.POST, "/v1/api-keys/" + f.key() + "/rotate", null),
                    401,
                    201,
                    201,
                    404,
                    403),
            new Endpoint(
                    "DELETE /v1/api-keys/{id}",
                    f -> new Request(HttpMethod.DELETE, "/v1/api-keys/" + f.key(), null),
                    401,
                    204,
                    204,
                    404,
                    403),
            new Endpoint(
                    "GET /v1/audit-events?tenantId=",
                    f -> new Request(HttpMethod.GET, "/v1/audit-events?tenantId=" + f.target(), null),
                    401,
                    200,
                    200,
                    404,
                    200));

    private Fixture fixture() {
        UUID root = reseller(null);
        UUID top = reseller(root);
        UUID target = customer(top);
        UUID sibling = reseller(root);
        UUID plan = createPlan(map("name", "owned", "ownerTenantId", top, "monthlyQuota", 100));
        UUID key = UUID.fromString(post("/v1/tenants/" + target + "/api-keys", ADMIN, null)
                .json()
                .get("id")
                .asString());
        return new Fixture(root, top, target, sibling, plan, key);
    }

    private Fixture shared;

    /** Refused calls and reads change nothing, so they share one tree; each successful change gets its own. */
    private Fixture shared() {
        if (shared == null) {
            shared = fixture();
        }
        return shared;
    }

    private static boolean changesSomething(Endpoint endpoint, int expected) {
        Request probe = endpoint.request().apply(new Fixture(null, null, null, null, null, null));
        return probe.method() != HttpMethod.GET && expected < 400;
    }

    private static String token(Who who, Fixture f) {
        return switch (who) {
            case NO_TOKEN -> null;
            case PLATFORM_ADMIN -> Tokens.platformAdmin();
            case SUBTREE_ADMIN -> Tokens.tenantAdmin(f.top());
            case SIBLING_ADMIN -> Tokens.tenantAdmin(f.sibling());
            case SUBTREE_VIEWER -> Tokens.tenantViewer(f.top());
        };
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Who who : Who.values()) {
                int expected = endpoint.expected()[who.ordinal()];
                tests.add(DynamicTest.dynamicTest(endpoint.name() + " as " + who + " -> " + expected, () -> {
                    Fixture f = changesSomething(endpoint, expected) ? fixture() : shared();
                    Request request = endpoint.request().apply(f);
                    Reply reply = call(request.method(), request.uri(), token(who, f), request.body());

                    assertThat(reply.status()).as(reply.raw()).isEqualTo(expected);
                    if (expected >= 400) {
                        assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
                        assertThat(reply.json().has("code")).isTrue();
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void givenSiblingAdmin_whenListingPlansAndTenants_thenNothingOfTheOtherSubtreeShows() {
        Fixture f = fixture();
        String sibling = Tokens.tenantAdmin(f.sibling());

        Reply plans = get("/v1/plans?size=200", sibling);
        Reply tenants = get("/v1/tenants", sibling);

        assertThat(plans.raw()).doesNotContain(f.plan().toString());
        assertThat(tenants.json().get("items").size()).isEqualTo(1);
        assertThat(tenants.json().at("/items/0/id").asString())
                .isEqualTo(f.sibling().toString());
    }

    @Test
    void givenTenantAdmin_whenChangingPlanOrStatusOfItsOwnTenant_thenForbidden() {
        Fixture f = fixture();
        UUID plan = createPlan(plan(null, 5, 5L));
        String admin = Tokens.tenantAdmin(f.top());

        Reply assign = patch("/v1/tenants/" + f.top(), admin, map("planId", plan));
        Reply suspend = patch("/v1/tenants/" + f.top(), admin, map("status", "SUSPENDED"));
        Reply rename = patch("/v1/tenants/" + f.top(), admin, map("name", "ours"));

        assertThat(assign.status()).isEqualTo(403);
        assertThat(assign.code()).isEqualTo("tenant.own_tenant_restricted");
        assertThat(suspend.status()).isEqualTo(403);
        assertThat(rename.status()).isEqualTo(200);
    }

    @Test
    void givenTenantAdmin_whenMovingIntoSiblingSubtree_thenNotFoundAndNothingMoves() {
        Fixture f = fixture();

        Reply reply = patch("/v1/tenants/" + f.target(), Tokens.tenantAdmin(f.top()), map("parentId", f.sibling()));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(get("/v1/tenants/" + f.target(), ADMIN)
                        .json()
                        .get("parentId")
                        .asString())
                .isEqualTo(f.top().toString());
    }

    @Test
    void givenAuditEvents_whenSiblingAdminListsWithoutTenant_thenOnlyItsOwnSubtree() {
        Fixture f = fixture();

        Reply own = get("/v1/audit-events", Tokens.tenantAdmin(f.top()));
        Reply sibling = get("/v1/audit-events", Tokens.tenantAdmin(f.sibling()));

        assertThat(own.raw()).contains(f.target().toString());
        assertThat(sibling.raw()).doesNotContain(f.target().toString());
    }
}
