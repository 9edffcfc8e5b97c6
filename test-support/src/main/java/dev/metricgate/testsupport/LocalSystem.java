package dev.metricgate.testsupport;

import dev.metricgate.devstack.Net;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole system as {@code make run} starts it, on free ports: real PostgreSQL, Redis, Kafka and
 * Keycloak, and the three service jars as separate processes. Started once per test JVM; every
 * process is stopped by PID when the JVM exits.
 */
public final class LocalSystem {

    private static LocalSystem instance;

    public final String keycloak;
    public final String plans;
    public final String enforcement;
    public final String usage;
    public final int redisPort;
    public final int enforcementGrpcPort;
    private final List<Process> processes = new ArrayList<>();
    private Process enforcementProcess;

    private LocalSystem() {
        var postgres = SharedServers.postgres();
        postgres.createDatabase("plans");
        postgres.createDatabase("usage");
        var redis = SharedServers.redis();
        redisPort = redis.port();
        var kafka = SharedServers.kafka();
        var kc = SharedServers.keycloak();
        keycloak = kc.baseUrl();

        int plansPort = Net.freePort();
        int enforcementPort = Net.freePort();
        int usagePort = Net.freePort();
        enforcementGrpcPort = Net.freePort();
        plans = "http://127.0.0.1:" + plansPort;
        enforcement = "http://127.0.0.1:" + enforcementPort;
        usage = "http://127.0.0.1:" + usagePort;

        List<String> common = List.of(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + kc.issuerUri());
        start(
                "plans-service",
                plansPort,
                common,
                List.of(
                        "--spring.datasource.url=" + postgres.jdbcUrl("plans"),
                        "--metricgate.keycloak.server-url=" + kc.baseUrl()));
        start("usage-service", usagePort, common, List.of("--spring.datasource.url=" + postgres.jdbcUrl("usage")));
        start(
                "enforcement-service",
                enforcementPort,
                common,
                List.of(
                        "--spring.data.redis.port=" + redis.port(),
                        "--metricgate.enforcement.plans-service-url=" + plans,
                        "--metricgate.enforcement.usage-service-url=" + usage,
                        "--metricgate.enforcement.grpc.port=" + enforcementGrpcPort));
        enforcementProcess = processes.getLast();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-system-shutdown"));
        for (String base : List.of(plans, usage, enforcement)) {
            awaitHealthy(base);
        }
    }

    public static synchronized LocalSystem get() {
        if (instance == null) {
            instance = new LocalSystem();
        }
        return instance;
    }

    /**
     * Freezes enforcement-service (SIGSTOP, by PID) until {@link #resumeEnforcement()}: it keeps its
     * port and accepts connections but answers nothing, like a process stuck in a long pause.
     */
    public void pauseEnforcement() {
        signal("-STOP", enforcementProcess.pid());
    }

    public void resumeEnforcement() {
        signal("-CONT", enforcementProcess.pid());
    }

    private static void signal(String signal, long pid) {
        try {
            int exit = new ProcessBuilder("kill", signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void start(String service, int port, List<String> common, List<String> own) {
        Path jar = Path.of("..", service, "target", service + "-0.1.0-SNAPSHOT.jar")
                .toAbsolutePath()
                .normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m",
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--server.port=" + port));
        command.addAll(common);
        command.addAll(own);
        Path log = Path.of("target", "system", service + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            processes.add(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + service, e);
        }
    }

    private void awaitHealthy(String base) {
        var http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException(
                        "a service process exited; see target/system/*.log of the module under test");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(
                base + " not healthy in 120 s; see target/system/*.log of the module under test");
    }

    private void stop() {
        for (Process process : processes.reversed()) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
