package dev.metricgate.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * The local infrastructure for {@code make run}: PostgreSQL (a database per service), Redis, Kafka
 * and Keycloak on 127.0.0.1, each on a stable default port that a system property overrides
 * ({@code -Dpostgres.port=...}). Everything stops when this JVM gets SIGTERM or ctrl-C.
 */
public final class DevStack {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public static void main(String[] args) throws Exception {
        var stack = new DevStack();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "dev-stack-shutdown"));
        stack.startAll();
        new CountDownLatch(1).await();
    }

    private void startAll() throws Exception {
        int postgresPort = Integer.getInteger("postgres.port", 5432);
        int redisPort = Integer.getInteger("redis.port", 6379);
        int kafkaPort = Integer.getInteger("kafka.port", 9092);
        int keycloakPort = Integer.getInteger("keycloak.port", 8080);

        var postgres = started(PostgresServer.start(postgresPort, ProjectPaths.runDir("postgres")));
        postgres.createDatabase("plans");
        postgres.createDatabase("usage");
        ready("postgres", postgres.jdbcUrl("plans") + " and " + postgres.jdbcUrl("usage"));

        var redis = started(RedisServer.start(redisPort, ProjectPaths.runDir("redis")));
        ready("redis", "redis://" + Net.LOOPBACK + ":" + redis.port());

        var kafka = started(KafkaBroker.start(kafkaPort, ProjectPaths.runDir("kafka")));
        ready("kafka", kafka.bootstrapServers() + " (pid " + kafka.pid() + ")");

        var keycloak = started(KeycloakServer.start(keycloakPort));
        ready("keycloak", keycloak.issuerUri() + " (pid " + keycloak.pid() + ")");

        Path marker = ProjectPaths.runDir("dev-stack.ready");
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
        System.out.println("dev-stack ready");
    }

    private <T extends AutoCloseable> T started(T server) {
        started.push(server);
        return server;
    }

    private static void ready(String name, String where) {
        System.out.printf("  %-9s %s%n", name, where);
    }

    private void stopAll() {
        try {
            Files.deleteIfExists(ProjectPaths.runDir("dev-stack.ready"));
        } catch (Exception ignored) {
            // best effort: the marker only tells make that the stack is up
        }
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("stopping: " + e);
            }
        }
    }
}
