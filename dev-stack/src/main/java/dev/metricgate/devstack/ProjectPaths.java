package dev.metricgate.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the checkout's root from wherever a test or {@code make run} was started inside it. */
final class ProjectPaths {

    private ProjectPaths() {}

    static Path root() {
        String configured = System.getProperty("metricgate.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("keycloak/metricgate-realm.json"))
                    && Files.isDirectory(dir.resolve("dev-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the MetricGate checkout or set -Dmetricgate.root");
    }

    /** Scratch space for server data and logs, under dev-stack's build directory. */
    static Path runDir(String name) {
        return root().resolve("dev-stack/target/run").resolve(name);
    }
}
