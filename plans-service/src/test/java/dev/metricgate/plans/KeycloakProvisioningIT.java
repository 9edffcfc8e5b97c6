package dev.metricgate.plans;

import static dev.metricgate.testsupport.RealServers.Server.KAFKA;
import static dev.metricgate.testsupport.RealServers.Server.KEYCLOAK;
import static dev.metricgate.testsupport.RealServers.Server.POSTGRES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metricgate.plans.application.ProvisioningException;
import dev.metricgate.plans.application.port.out.AdminProvisioner;
import dev.metricgate.testsupport.KeycloakTokens;
import dev.metricgate.testsupport.RealServers;
import dev.metricgate.testsupport.SharedServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenant admins provisioned in the real Keycloak of dev-stack: the new user's own token works on its
 * tenant and is refused on a sibling. The only test class that starts Keycloak (it is slow).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServers(
        value = {POSTGRES, KAFKA, KEYCLOAK},
        database = "plans")
class KeycloakProvisioningIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "Correct-Horse-42";

    @LocalServerPort
    int port;

    @Autowired
    AdminProvisioner provisioner;

    private record Reply(int status, JsonNode json) {}

    private Reply call(HttpMethod method, String uri, String token, Object body) {
        var spec = RestTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .build()
                .method(method)
                .uri(uri)
                .headers(h -> h.setBearerAuth(token));
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
        }
        var result = spec.exchange().returnResult(String.class);
        String raw = result.getResponseBody();
        return new Reply(
                result.getStatus().value(),
                raw == null || raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw));
    }

    private UUID tenant(String token, String kind, UUID parentId) {
        Reply reply = call(
                HttpMethod.POST,
                "/v1/tenants",
                token,
                parentId == null
                        ? Map.of("name", "kc-" + kind, "kind", kind)
                        : Map.of("name", "kc-" + kind, "kind", kind, "parentId", parentId));
        assertThat(reply.status()).isEqualTo(201);
        return UUID.fromString(reply.json().get("id").asString());
    }

    @Test
    void givenProvisionedAdmin_whenUsingItsOwnToken_thenActsOnItsTenantAndIsRefusedOnSibling() {
        String platform = KeycloakTokens.password("platform-admin", "platform-admin");
        UUID root = tenant(platform, "RESELLER", null);
        UUID own = tenant(platform, "RESELLER", root);
        UUID sibling = tenant(platform, "RESELLER", root);
        String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);

        Reply provisioned = call(
                HttpMethod.POST,
                "/v1/tenants/" + own + "/admins",
                platform,
                Map.of("username", username, "email", username + "@example.com", "password", PASSWORD));
        String token = KeycloakTokens.password(username, PASSWORD);

        assertThat(provisioned.status()).isEqualTo(201);
        assertThat(provisioned.json().has("temporaryPassword")).isFalse();
        assertThat(call(HttpMethod.GET, "/v1/tenants/" + own, token, null).status())
                .isEqualTo(200);
        assertThat(tenant(token, "CUSTOMER", own)).isNotNull();
        assertThat(call(HttpMethod.GET, "/v1/tenants/" + sibling, token, null).status())
                .isEqualTo(404);
        assertThat(call(HttpMethod.PATCH, "/v1/tenants/" + sibling, token, Map.of("name", "taken"))
                        .status())
                .isEqualTo(404);
        assertThat(call(
                                HttpMethod.POST,
                                "/v1/tenants",
                                token,
                                Map.of("name", "x", "kind", "CUSTOMER", "parentId", sibling))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void givenNoPassword_whenProvisioning_thenTemporaryPasswordOnceAndDuplicateIsConflict() {
        String platform = KeycloakTokens.password("platform-admin", "platform-admin");
        UUID own = tenant(platform, "RESELLER", null);
        String username = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body =
                Map.of("username", username, "email", username + "@example.com", "role", "tenant-viewer");

        Reply first = call(HttpMethod.POST, "/v1/tenants/" + own + "/admins", platform, body);
        Reply again = call(HttpMethod.POST, "/v1/tenants/" + own + "/admins", platform, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("role").asString()).isEqualTo("tenant-viewer");
        assertThat(first.json().get("temporaryPassword").asString()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("admin.already_exists");
    }

    @Test
    void givenRoleAssignmentFails_whenProvisioning_thenTheUserIsRemovedAgain() throws Exception {
        String username = "half-" + UUID.randomUUID().toString().substring(0, 8);

        assertThatThrownBy(() -> provisioner.provision(
                        username, username + "@example.com", UUID.randomUUID(), "no-such-role", PASSWORD))
                .isInstanceOf(ProvisioningException.class);

        assertThat(usersNamed(username)).isZero();
    }

    /** How many Keycloak users have this username, asked with plans-service's own service account. */
    private static int usersNamed(String username) throws Exception {
        String token = KeycloakTokens.clientCredentials("plans-service", "plans-service-local-secret");
        var request = HttpRequest.newBuilder(URI.create(SharedServers.keycloak().baseUrl()
                        + "/admin/realms/metricgate/users?exact=true&username=" + username))
                .header("Authorization", "Bearer " + token)
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).size();
    }
}
