package dev.metricgate.plans;

import static dev.metricgate.testsupport.RealServers.Server.KAFKA;
import static dev.metricgate.testsupport.RealServers.Server.OIDC;
import static dev.metricgate.testsupport.RealServers.Server.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.testsupport.RealServers;
import dev.metricgate.testsupport.Tokens;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared set-up of plans-service's integration tests: one Spring context on real PostgreSQL,
 * Kafka and the OIDC issuer for every test class extending it, plus a small HTTP client.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Nothing listens on port 1: provisioning answers 503 here; KeycloakProvisioningIT uses the real one.
        properties = "metricgate.keycloak.server-url=http://127.0.0.1:1")
@RealServers(
        value = {POSTGRES, KAFKA, OIDC},
        database = "plans")
public abstract class PlansServiceITBase {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static final String ADMIN = Tokens.platformAdmin();

    /** An HTTP answer: status, headers and the body parsed as JSON (an empty object if none). */
    protected record Reply(int status, HttpHeaders headers, JsonNode json, String raw) {

        public String code() {
            return json.path("code").asString();
        }
    }

    protected Reply call(HttpMethod method, String uri, String token, Object body) {
        RestTestClient client = RestTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .build();
        var spec = client.method(method).uri(uri).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        });
        if (body != null) {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            spec.contentType(MediaType.APPLICATION_JSON).body(text);
        }
        var result = spec.exchange().returnResult(String.class);
        String raw = result.getResponseBody();
        JsonNode json = raw == null || raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
        return new Reply(result.getStatus().value(), result.getResponseHeaders(), json, raw);
    }

    protected Reply get(String uri, String token) {
        return call(HttpMethod.GET, uri, token, null);
    }

    protected Reply post(String uri, String token, Object body) {
        return call(HttpMethod.POST, uri, token, body);
    }

    protected Reply patch(String uri, String token, Object body) {
        return call(HttpMethod.PATCH, uri, token, body);
    }

    protected Reply put(String uri, String token, Object body) {
        return call(HttpMethod.PUT, uri, token, body);
    }

    protected Reply delete(String uri, String token) {
        return call(HttpMethod.DELETE, uri, token, null);
    }

    protected static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    protected UUID createTenant(String kind, UUID parentId, UUID planId) {
        Reply reply = post(
                "/v1/tenants",
                ADMIN,
                map(
                        "name",
                        kind.toLowerCase() + "-" + UUID.randomUUID(),
                        "kind",
                        kind,
                        "parentId",
                        parentId,
                        "planId",
                        planId));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return UUID.fromString(reply.json().get("id").asString());
    }

    protected UUID reseller(UUID parentId) {
        return createTenant("RESELLER", parentId, null);
    }

    protected UUID customer(UUID parentId) {
        return createTenant("CUSTOMER", parentId, null);
    }

    protected UUID createPlan(Map<String, Object> body) {
        Reply reply = post("/v1/plans", ADMIN, body);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return UUID.fromString(reply.json().get("id").asString());
    }

    protected static Map<String, Object> plan(UUID parentPlanId, Integer rps, Long monthlyQuota) {
        return map(
                "name",
                "plan-" + UUID.randomUUID(),
                "parentPlanId",
                parentPlanId,
                "rateLimit",
                rps == null ? null : map("requestsPerSecond", rps, "burst", rps * 2),
                "monthlyQuota",
                monthlyQuota);
    }

    protected long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
