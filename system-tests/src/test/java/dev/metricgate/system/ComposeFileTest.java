package dev.metricgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml checked without a Docker engine: against the Compose Specification schema (the
 * one Debian's docker-compose validates with), and for what the schema cannot see — dependencies that
 * exist, health checks to wait on, ports only on loopback, the realm and provisioning files mounted.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema composeSchema() throws IOException {
        JsonNode schemaNode;
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose-spec.schema.json")) {
            schemaNode = JSON.readTree(in);
        }
        // The Compose schema still uses draft-04's "id" beside "$schema": 2019-09; it only names nodes.
        var metaSchema = JsonMetaSchema.builder(
                        schemaNode.get("$schema").asText().replace("#", ""), JsonMetaSchema.getV201909())
                .keyword(new NonValidationKeyword("id"))
                .build();
        return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909))
                .metaSchema(metaSchema)
                .build()
                .getSchema(schemaNode);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    @Test
    void composeFile_isValidAgainstTheComposeSpecificationSchema() throws IOException {
        var schema = composeSchema();

        Set<ValidationMessage> errors = schema.validate(JSON.valueToTree(compose()));

        assertThat(errors).isEmpty();
    }

    @Test
    void schemaCheck_rejectsAComposeFileWithAnUnknownServiceKey() throws IOException {
        var schema = composeSchema();
        var broken = JSON.valueToTree(compose());
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("services").get("redis"))
                .put("restart_policyy", "always");

        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceTheSystemNeedsIsThere_withAHealthCheckOrAHealthyDependency() throws IOException {
        var services = services();

        assertThat(services)
                .containsKeys(
                        "postgres",
                        "redis",
                        "kafka",
                        "keycloak",
                        "plans-service",
                        "enforcement-service",
                        "usage-service",
                        "prometheus",
                        "grafana",
                        "envoy",
                        "demo-upstream");
        for (String name : List.of(
                "postgres", "redis", "kafka", "keycloak", "plans-service", "enforcement-service", "usage-service")) {
            assertThat(services.get(name)).as(name).containsKey("healthcheck");
        }
        // Envoy reaches the rate limit service on enforcement-service's gRPC port
        assertThat((List<String>) services.get("enforcement-service").get("ports"))
                .contains("127.0.0.1:8092:8092");
        assertThat((Map<String, Object>) services.get("envoy").get("depends_on"))
                .containsKey("enforcement-service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependsOn_namesExistingServices_andServicesWaitForHealthyInfrastructure() throws IOException {
        var services = services();
        for (var service : services.entrySet()) {
            Object dependsOn = service.getValue().get("depends_on");
            if (dependsOn instanceof Map<?, ?> conditions) {
                for (var dependency : ((Map<String, Map<String, String>>) conditions).entrySet()) {
                    assertThat(services).as(service.getKey()).containsKey(dependency.getKey());
                    assertThat(dependency.getValue().get("condition")).isEqualTo("service_healthy");
                }
            } else if (dependsOn instanceof List<?> names) {
                assertThat(services.keySet()).as(service.getKey()).containsAll((List<String>) names);
            }
        }
        assertThat((Map<String, Object>) services.get("enforcement-service").get("depends_on"))
                .containsKeys("redis", "kafka", "plans-service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishedPorts_bindToLoopbackOnly() throws IOException {
        for (var service : services().entrySet()) {
            for (Object port : (List<Object>) service.getValue().getOrDefault("ports", List.of())) {
                assertThat(port.toString()).as(service.getKey()).startsWith("127.0.0.1:");
            }
        }
    }

    @Test
    void mountedFiles_existInTheCheckout() throws IOException {
        for (var service : services().values()) {
            for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ROOT.resolve(source)).as(volume.toString()).exists();
                }
            }
        }
        assertThat(ROOT.resolve("Dockerfile")).exists();
    }
}
