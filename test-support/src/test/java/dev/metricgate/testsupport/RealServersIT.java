package dev.metricgate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servers tests and {@code make run} rely on are real and configured as the README says: the
 * metricgate realm answers the demo admin's password grant and the services' client credentials,
 * PostgreSQL hosts per-service databases, and Redis can be taken away and brought back.
 */
class RealServersIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void givenImportedRealm_whenDemoAdminUsesPasswordGrant_thenTokenCarriesPlatformAdminRoleAndAudiences() {
        JsonNode claims = claims(KeycloakTokens.password("platform-admin", "platform-admin"));

        assertThat(claims.get("iss").asString())
                .isEqualTo(SharedServers.keycloak().issuerUri());
        assertThat(strings(claims.get("realm_access").get("roles"))).contains("platform-admin");
        assertThat(strings(claims.get("aud"))).contains("plans-service", "usage-service", "enforcement-service");
    }

    @Test
    void givenTokenFetchedThroughLocalhost_thenIssuerIsStillTheConfiguredOne() throws Exception {
        var keycloak = SharedServers.keycloak();
        String body = "grant_type=password&client_id=metricgate-cli&username=platform-admin&password=platform-admin";
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(keycloak.tokenEndpoint().replace("127.0.0.1", "localhost")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        String token = JSON.readTree(response.body()).get("access_token").asString();
        assertThat(claims(token).get("iss").asString()).isEqualTo(keycloak.issuerUri());
    }

    @Test
    void givenImportedRealm_whenEnforcementUsesClientCredentials_thenTokenIsForPlansServiceAsInternalService() {
        JsonNode claims =
                claims(KeycloakTokens.clientCredentials("enforcement-service", "enforcement-service-local-secret"));

        assertThat(claims.get("azp").asString()).isEqualTo("enforcement-service");
        assertThat(strings(claims.get("realm_access").get("roles"))).contains("internal-service");
        assertThat(
                        claims.get("aud").isArray()
                                ? strings(claims.get("aud"))
                                : List.of(claims.get("aud").asString()))
                .contains("plans-service");
    }

    @Test
    void givenWrongPassword_whenRequestingToken_thenKeycloakRefuses() {
        assertThatThrownBy(() -> KeycloakTokens.password("platform-admin", "wrong"))
                .hasMessageContaining("invalid_grant");
    }

    @Test
    void givenPostgres_whenCreatingServiceDatabase_thenItAcceptsConnectionsAndCreatingAgainIsHarmless()
            throws Exception {
        var postgres = SharedServers.postgres();
        postgres.createDatabase("realservers_check");
        postgres.createDatabase("realservers_check");

        try (var connection = DriverManager.getConnection(postgres.jdbcUrl("realservers_check"), "postgres", "");
                var rows = connection.createStatement().executeQuery("select current_database()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("realservers_check");
        }
    }

    @Test
    void givenRedis_whenPausedAndResumed_thenPortGoesDarkAndComesBackOnTheSamePort() throws IOException {
        var redis = SharedServers.redis();
        assertThat(ping(redis.port())).isEqualTo("+PONG");

        redis.pause();
        assertThatThrownBy(() -> ping(redis.port())).isInstanceOf(IOException.class);

        redis.resume();
        assertThat(ping(redis.port())).isEqualTo("+PONG");
    }

    private static String ping(int port) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[5];
            int read = socket.getInputStream().readNBytes(reply, 0, 5);
            return new String(reply, 0, read, StandardCharsets.US_ASCII);
        }
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static List<String> strings(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
