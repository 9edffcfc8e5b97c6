package dev.metricgate.plans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.testsupport.ServiceEdgeContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** plans-service runs on real PostgreSQL, Kafka and a real OIDC issuer. */
class InfrastructureIT extends PlansServiceITBase implements ServiceEdgeContract {

    @Autowired
    KafkaTemplate<String, String> kafka;

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
        Integer outboxTables = jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_name = 'outbox_events'", Integer.class);

        assertThat(applied).isEqualTo(1);
        assertThat(outboxTables).isEqualTo(1);
    }
}
