package dev.metricgate.usage;

import dev.metricgate.testsupport.TestCalendar;
import dev.metricgate.testsupport.Tokens;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/**
 * Every report endpoint x every kind of caller. Platform admins read anything; tenant admins and
 * viewers read their own subtree. A tenant outside the caller's subtree answers 404 like an unknown
 * one (as in plans-service), so no tenant's existence leaks; a token without a role gets 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageAuthorizationIT extends UsageServiceIT {

    static final UUID RESELLER = UUID.randomUUID();
    static final UUID CUSTOMER = UUID.randomUUID();
    static final UUID SIBLING = UUID.randomUUID();
    static final UUID UNKNOWN = UUID.randomUUID();

    /** Yesterday on the tests' calendar. */
    static final String RANGE = "from=" + TestCalendar.now().minus(1, ChronoUnit.DAYS) + "&to=" + TestCalendar.now();

    static final List<String> ENDPOINTS = List.of(
            "/v1/usage/tenants/%s?" + RANGE,
            "/v1/usage/tenants/%s/summary?period=current",
            "/v1/usage/tenants/%s/export?" + RANGE,
            "/v1/usage/tenants/%s/alerts");

    @BeforeAll
    void tenants() {
        publishTenants(
                tenant(RESELLER, "RESELLER", null, 1, "UTC", 1, null),
                tenant(CUSTOMER, "CUSTOMER", RESELLER, 2, "UTC", 1, null),
                tenant(SIBLING, "CUSTOMER", null, 1, "UTC", 1, null));
    }

    static Stream<Arguments> matrix() {
        record Case(String caller, String token, UUID target, int status) {}
        List<Case> cases = List.of(
                new Case("no token", null, CUSTOMER, 401),
                new Case("platform admin", Tokens.platformAdmin(), CUSTOMER, 200),
                new Case("platform admin, unknown tenant", Tokens.platformAdmin(), UNKNOWN, 404),
                new Case("reseller admin, own tenant", Tokens.tenantAdmin(RESELLER), RESELLER, 200),
                new Case("reseller admin, its customer", Tokens.tenantAdmin(RESELLER), CUSTOMER, 200),
                new Case("reseller viewer, its customer", Tokens.tenantViewer(RESELLER), CUSTOMER, 200),
                new Case("customer viewer, own tenant", Tokens.tenantViewer(CUSTOMER), CUSTOMER, 200),
                new Case("customer admin, its parent", Tokens.tenantAdmin(CUSTOMER), RESELLER, 404),
                new Case("sibling admin, other subtree", Tokens.tenantAdmin(SIBLING), CUSTOMER, 404),
                new Case("sibling viewer, other subtree", Tokens.tenantViewer(SIBLING), RESELLER, 404),
                new Case("reseller admin, unknown tenant", Tokens.tenantAdmin(RESELLER), UNKNOWN, 404),
                new Case("token without role", Tokens.user("nobody", RESELLER), CUSTOMER, 403),
                new Case("admin role without tenant", Tokens.user("lost", null, "tenant-admin"), CUSTOMER, 404));
        return ENDPOINTS.stream()
                .flatMap(endpoint -> cases.stream()
                        .map(c -> Arguments.of(endpoint.formatted(c.target()), c.caller(), c.token(), c.status())));
    }

    @ParameterizedTest(name = "{1} GET {0} -> {3}")
    @MethodSource("matrix")
    void givenCaller_whenReadingUsage_thenAccessFollowsTheSubtree(String uri, String caller, String token, int status) {
        var request = http().get().uri(uri);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        var response = request.exchange().expectStatus().isEqualTo(status);
        if (status != 200) {
            response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        if (status == 404) {
            response.expectBody().jsonPath("$.code").isEqualTo("tenant.not_found");
        }
    }
}
