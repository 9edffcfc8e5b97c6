package dev.metricgate.enforcement;

import static dev.metricgate.testsupport.RealServers.Server.KAFKA;
import static dev.metricgate.testsupport.RealServers.Server.OIDC;
import static dev.metricgate.testsupport.RealServers.Server.REDIS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.testsupport.KafkaRecords;
import dev.metricgate.testsupport.RealServers;
import dev.metricgate.testsupport.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** enforcement-service runs on real Redis, Kafka and a real OIDC issuer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServers({REDIS, KAFKA, OIDC})
class InfrastructureIT {

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    KafkaTemplate<String, String> kafka;

    RestTestClient http() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void givenRealRedis_whenRunningAScript_thenItIsCachedAndRunByShaAndSeesItsKeys() {
        String key = "infra:{" + UUID.randomUUID() + "}";
        RedisScript<Long> script = RedisScript.of("return redis.call('INCRBY', KEYS[1], ARGV[1])", Long.class);

        Long first = redis.execute(script, List.of(key), "2");
        Long second = redis.execute(script, List.of(key), "3");
        List<Boolean> cached = redis.execute((org.springframework.data.redis.core.RedisCallback<List<Boolean>>)
                connection -> connection.scriptingCommands().scriptExists(script.getSha1()));

        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(5);
        assertThat(cached).containsExactly(true);
        assertThat(redis.opsForValue().get(key)).isEqualTo("5");
    }

    @Test
    void givenRealBroker_whenServiceProduces_thenAnotherClientConsumesIt() throws Exception {
        String topic = "infra-" + UUID.randomUUID();
        String value = "hello-" + UUID.randomUUID();

        kafka.send(topic, "k", value).get();

        var records = KafkaRecords.await(topic, r -> r.value().equals(value), 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
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
