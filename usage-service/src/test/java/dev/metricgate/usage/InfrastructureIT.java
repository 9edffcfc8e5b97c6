package dev.metricgate.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.testsupport.ServiceEdgeContract;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

/** usage-service runs on real PostgreSQL, Kafka and a real OIDC issuer. */
class InfrastructureIT extends UsageServiceIT implements ServiceEdgeContract {

    @Override
    public int serverPort() {
        return port;
    }

    @Override
    public KafkaTemplate<String, String> kafkaTemplate() {
        return kafka;
    }

    @Test
    void givenFreshDatabase_whenServiceStarts_thenFlywayMigrationsAreApplied() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success and version = '1'", Integer.class);
        Integer processedEventsTables = jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_name = 'processed_events'", Integer.class);

        assertThat(applied).isEqualTo(1);
        assertThat(processedEventsTables).isEqualTo(1);
    }

    @Test
    void givenNoToken_whenReadingApiDocs_thenUsageEndpointsAreDocumented() {
        http().get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/v1/usage/tenants/{id}'].get")
                .exists()
                .jsonPath("$.paths['/v1/usage/tenants/{id}/summary'].get")
                .exists()
                .jsonPath("$.paths['/v1/usage/tenants/{id}/export'].get")
                .exists()
                .jsonPath("$.paths['/v1/usage/tenants/{id}'].get.parameters[?(@.name == 'authentication')]")
                .doesNotExist();
    }
}
