package dev.metricgate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} zip Maven unpacked under
 * {@code dev-stack/target/keycloak}) in dev mode with an in-memory database, bound to 127.0.0.1,
 * with the {@code metricgate} realm imported from {@code keycloak/metricgate-realm.json}.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "metricgate";
    /** The master realm's bootstrap admin; local runs only. */
    public static final String BOOTSTRAP_ADMIN = "admin";

    private final int port;
    private final ChildProcess process;

    private KeycloakServer(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    public static KeycloakServer start(int port) {
        Path home = home();
        Path root = ProjectPaths.root();
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(
                    root.resolve("keycloak/metricgate-realm.json"),
                    imports.resolve("metricgate-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);

            List<String> command = List.of(
                    home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-host=" + Net.LOOPBACK,
                    "--http-port=" + port,
                    // A fixed issuer: tokens fetched via localhost or 127.0.0.1 validate alike.
                    "--hostname=http://" + Net.LOOPBACK + ":" + port,
                    "--db=dev-mem",
                    "--import-realm",
                    "--health-enabled=false",
                    "--metrics-enabled=false",
                    "--cache=local");
            Map<String, String> env = Map.of(
                    "JAVA_HOME",
                    System.getProperty("java.home"),
                    "JAVA_OPTS_KC_HEAP",
                    "-Xms128m -Xmx768m",
                    "KC_BOOTSTRAP_ADMIN_USERNAME",
                    BOOTSTRAP_ADMIN,
                    "KC_BOOTSTRAP_ADMIN_PASSWORD",
                    BOOTSTRAP_ADMIN);
            Path log = ProjectPaths.runDir("keycloak-" + port).resolve("keycloak.log");
            var process = ChildProcess.start("Keycloak", command, env, home, log);
            var server = new KeycloakServer(port, process);
            Net.await(
                    "Keycloak",
                    Duration.ofSeconds(180),
                    process,
                    () -> Net.httpOk(server.issuerUri() + "/.well-known/openid-configuration"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak did not start on port " + port, e);
        }
    }

    /** The unpacked distribution; Maven's generate-resources phase of dev-stack puts it there. */
    static Path home() {
        Path unpacked = ProjectPaths.root().resolve("dev-stack/target/keycloak");
        try (var dirs = Files.list(unpacked)) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("keycloak-"))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException(
                    "Keycloak is not unpacked under " + unpacked + ": run ./mvnw -pl dev-stack generate-resources", e);
        }
    }

    public String baseUrl() {
        return "http://" + Net.LOOPBACK + ":" + port;
    }

    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
