package dev.metricgate.system;

import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * docker-compose.yml brings up a working system: the demo path against the composed services.
 * Runs where a Docker engine is available; reported as skipped where it is not.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeSmokeIT {

    @Container
    static final ComposeContainer COMPOSE = new ComposeContainer(new File("../docker-compose.yml"))
            .withBuild(true)
            .withExposedService(
                    "keycloak", 8080, Wait.forHttp("/realms/metricgate").withStartupTimeout(Duration.ofMinutes(5)))
            .withExposedService("plans-service", 8081, Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(10)))
            .withExposedService(
                    "enforcement-service", 8082, Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(10)))
            .withExposedService(
                    "usage-service", 8083, Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(10)));

    @Test
    void composedSystem_walksTheDemoPath() {
        new DemoScenario(
                        url("keycloak", 8080),
                        url("plans-service", 8081),
                        url("enforcement-service", 8082),
                        url("usage-service", 8083))
                .run();
    }

    private static String url(String service, int port) {
        return "http://" + COMPOSE.getServiceHost(service, port) + ":" + COMPOSE.getServicePort(service, port);
    }
}
