package dev.metricgate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What every MetricGate service must do the same way on real servers: answer its JWT-protected
 * endpoints 200 / 401 / 403 with problem+json, carry the W3C trace id into problems, report health
 * without a token, and produce to the real Kafka broker. A service's integration test implements
 * this interface; the default methods are the tests.
 */
public interface ServiceEdgeContract {

    /** An endpoint only a platform admin may read; every service exposes the actuator metrics. */
    String ADMIN_ONLY = "/actuator/metrics";

    /** The port the service under test listens on. */
    int serverPort();

    /** The service's own auto-configured template. */
    KafkaTemplate<String, String> kafkaTemplate();

    /** Whether the service's producer adds W3C trace context to the records it sends. */
    default boolean producerPropagatesTraceContext() {
        return true;
    }

    private RestTestClient edge() {
        return RestTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + serverPort())
                .build();
    }

    @Test
    default void givenPlatformAdminToken_whenReadingAdminEndpoint_thenOk() {
        edge().get()
                .uri(ADMIN_ONLY)
                .header("Authorization", "Bearer " + Tokens.platformAdmin())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    default void givenNoToken_whenReadingAdminEndpoint_thenUnauthorizedProblem() {
        edge().get()
                .uri(ADMIN_ONLY)
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
    default void givenForgedToken_whenReadingAdminEndpoint_thenUnauthorizedProblem() {
        String token = Tokens.platformAdmin();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";

        edge().get()
                .uri(ADMIN_ONLY)
                .header("Authorization", "Bearer " + forged)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    default void givenTokenWithoutAdminRole_whenReadingAdminEndpoint_thenForbiddenProblem() {
        edge().get()
                .uri(ADMIN_ONLY)
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
    default void givenW3cTraceparent_whenRequestFails_thenProblemCarriesThatTraceId() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        edge().get()
                .uri(ADMIN_ONLY)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.traceId")
                .isEqualTo(traceId);
    }

    @Test
    default void givenNoToken_whenProbingHealth_thenUp() {
        edge().get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    default void givenRealBroker_whenServiceProduces_thenAnotherClientConsumesIt() throws Exception {
        String topic = "edge-" + UUID.randomUUID();
        String value = "hello-" + UUID.randomUUID();

        kafkaTemplate().send(topic, "k", value).get();

        var records = KafkaRecords.await(topic, r -> r.value().equals(value), 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        if (producerPropagatesTraceContext()) {
            assertThat(records.getFirst().headers().lastHeader("traceparent")).isNotNull();
        }
    }
}
