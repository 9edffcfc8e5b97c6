package dev.metricgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The demo path across the three service processes on real Keycloak, PostgreSQL, Redis and Kafka;
 * then the Grafana dashboard is checked against what those processes really export.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    @Test
    @Order(1)
    void adminSetsUpTenantsAndKeys_consumerIsLimited_usageIsReported_keyLifecycleAndHierarchyChangesApply() {
        var system = LocalSystem.get();

        new DemoScenario(system.keycloak, system.plans, system.enforcement, system.usage).run();
    }

    @Test
    @Order(2)
    void grafanaDashboard_isValidAndQueriesOnlyMetricsTheServicesExport() throws IOException {
        var system = LocalSystem.get();
        JsonNode dashboard = DashboardMetrics.dashboard();
        Set<String> exported = new TreeSet<>();
        for (String base : new String[] {system.plans, system.enforcement, system.usage}) {
            var scrape = Api.get(base + "/actuator/prometheus");
            assertThat(scrape.status()).isEqualTo(200);
            exported.addAll(DashboardMetrics.exported(scrape.raw().body()));
        }

        Set<String> referenced = DashboardMetrics.referencedMetrics(dashboard);

        assertThat(dashboard.get("title").asString()).isEqualTo("MetricGate");
        assertThat(referenced).hasSizeGreaterThanOrEqualTo(8);
        assertThat(exported).containsAll(referenced);
    }
}
