package dev.metricgate.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.testsupport.KafkaRecords;
import dev.metricgate.testsupport.Tokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** plans-service runs on real PostgreSQL, Kafka and a real OIDC issuer. */
class InfrastructureIT extends PlansServiceITBase {

    @Autowired
    KafkaTemplate<String, String> kafka;

    RestTestClient http() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void givenFreshDatabase_whenServiceStarts_thenFlywayMigrationsAreApplied() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success and version = '1'", Integer.class);
        Integer outboxTables = jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_name = 'outbox_events'", Integer.class);

        assertThat(applied).isEqualTo(1);
        assertThat(outboxTables).isEqualTo(1);
    }

    @Test
    void givenRealBroker_whenServiceProduces_thenAnotherClientConsumesIt() throws Exception {
        String topic = "infra-" + UUID.randomUUID();
        String value = "hello-" + UUID.randomUUID();

        kafka.send(topic, "k", value).get();

        var records = KafkaRecords.await(topic, r -> r.value().equals(value), 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        // W3C trace context travels in the record headers (observation on the KafkaTemplate).
        assertThat(records.getFirst().headers().lastHeader("traceparent")).isNotNull();
    }

    @Test
    void givenPlatformAdminToken_whenReadingAdminEndpoint_thenOk() {
        http().get()
                .uri("/actuator/metrics")
                .header("Authorization", "Bearer " + Tokens.platformAdmin())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void givenNoToken_whenReadingAdminEndpoint_thenUnauthorizedProblem() {
        http().get()
                .uri("/actuator/metrics")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.code")
                .isEqualTo("unauthorized");
    }

    @Test
    void givenW3cTraceparent_whenRequestFails_thenProblemCarriesThatTraceId() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        http().get()
                .uri("/actuator/metrics")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.traceId")
                .isEqualTo(traceId);
    }

    @Test
    void givenForgedToken_whenReadingAdminEndpoint_thenUnauthorizedProblem() {
        String token = Tokens.platformAdmin();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";

        http().get()
                .uri("/actuator/metrics")
                .header("Authorization", "Bearer " + forged)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void givenTokenWithoutAdminRole_whenReadingAdminEndpoint_thenForbiddenProblem() {
        http().get()
                .uri("/actuator/metrics")
                .header("Authorization", "Bearer " + Tokens.tenantViewer(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("forbidden");
    }

    @Test
    void givenNoToken_whenOpeningApiDocs_thenSwaggerUiAndOpenApiAreServed() {
        Reply ui = get("/swagger-ui.html", null);
        Reply docs = get("/v3/api-docs", null);

        assertThat(ui.status()).isIn(200, 302);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/paths").has("/v1/tenants")).isTrue();
        assertThat(docs.json().at("/paths").has("/v1/tenants/{tenantId}/admins"))
                .isTrue();
    }

    @Test
    void givenPrometheusScrape_whenReadingMetrics_thenOutboxMetricsOfTheDashboardAreExported() {
        String metrics = http().get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(metrics).contains("metricgate_outbox_pending").contains("metricgate_outbox_published_total");
    }

    @Test
    void healthIsUpWithoutToken() {
        http().get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }
}
