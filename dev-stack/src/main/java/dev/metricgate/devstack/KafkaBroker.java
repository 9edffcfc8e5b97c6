package dev.metricgate.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) as its own JVM, bound to
 * 127.0.0.1. Its classpath (dev-stack's compile scope, where the broker is "provided") comes from {@code kafka-classpath.txt}, resolved by Maven at build time,
 * so the broker's Scala dependencies never reach a service's classpath.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int port;
    private final ChildProcess process;

    private KafkaBroker(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    public static KafkaBroker start(int port, Path workDir) {
        int controllerPort = Net.freePort();
        try {
            deleteRecursively(workDir);
            Files.createDirectories(workDir);
            Path config = workDir.resolve("server.properties");
            Files.writeString(
                    config,
                    String.join(
                                    "\n",
                                    List.of(
                                            "process.roles=broker,controller",
                                            "node.id=1",
                                            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                                            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:"
                                                    + controllerPort,
                                            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                                            "controller.listener.names=CONTROLLER",
                                            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                                            "inter.broker.listener.name=PLAINTEXT",
                                            "log.dirs=" + workDir.resolve("data"),
                                            "num.partitions=3",
                                            "offsets.topic.replication.factor=1",
                                            "offsets.topic.num.partitions=3",
                                            "transaction.state.log.replication.factor=1",
                                            "transaction.state.log.min.isr=1",
                                            "share.coordinator.state.topic.replication.factor=1",
                                            "share.coordinator.state.topic.min.isr=1",
                                            "group.initial.rebalance.delay.ms=0",
                                            "auto.create.topics.enable=true",
                                            "log.flush.interval.messages=100000"))
                            + "\n");

            List<String> command = new ArrayList<>(List.of(
                    javaBinary(),
                    "-Xms128m",
                    "-Xmx512m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Dlog4j2.level=WARN",
                    "-cp",
                    classpath(),
                    KafkaMain.class.getName(),
                    Long.toString(ProcessHandle.current().pid()),
                    config.toString()));
            var process = ChildProcess.start("Kafka", command, Map.of(), workDir, workDir.resolve("kafka.log"));
            Net.await("Kafka", Duration.ofSeconds(60), process, () -> Net.tcpOpen(port));
            return new KafkaBroker(port, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start on port " + port, e);
        }
    }

    public String bootstrapServers() {
        return Net.LOOPBACK + ":" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(15));
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() throws IOException {
        String kafkaJars;
        try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-classpath.txt")) {
            if (in == null) {
                throw new IllegalStateException("kafka-classpath.txt missing: build dev-stack with Maven first");
            }
            kafkaJars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        String ownCode = Path.of(KafkaBroker.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
        return ownCode + java.io.File.pathSeparator + kafkaJars;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
