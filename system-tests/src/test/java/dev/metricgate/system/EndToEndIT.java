package dev.metricgate.system;

import org.junit.jupiter.api.Test;

/** The demo path across the three service processes on real Keycloak, PostgreSQL, Redis and Kafka. */
class EndToEndIT {

    @Test
    void adminSetsUpTenantsAndKeys_consumerIsLimited_usageIsReported_keyLifecycleAndHierarchyChangesApply() {
        var system = LocalSystem.get();

        new DemoScenario(system.keycloak, system.plans, system.enforcement, system.usage).run();
    }
}
