package dev.metricgate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

/**
 * Entry point of the broker JVM: formats the KRaft log directory (unless a broker ran on it before:
 * one started again after a crash keeps its data and cluster id), starts {@code kafka.Kafka}, and
 * halts as soon as the JVM that started it is gone, so a killed test run leaves no broker behind.
 */
public final class KafkaMain {

    private KafkaMain() {}

    public static void main(String[] args) {
        long parentPid = Long.parseLong(args[0]);
        String config = args[1];

        Thread watchdog = new Thread(
                () -> {
                    ProcessHandle.of(parentPid)
                            .ifPresent(parent -> parent.onExit().join());
                    Runtime.getRuntime().halt(0);
                },
                "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        if (formatted(config)) {
            kafka.Kafka.main(new String[] {config});
            return;
        }
        String clusterId = kafkaClusterId();
        int formatted = kafka.tools.StorageTool.execute(
                // "--cluster-id=<id>": a base64url id may start with '-', which as a separate argument
                // would be read as an option.
                new String[] {"format", "--cluster-id=" + clusterId, "--config", config, "--ignore-formatted"},
                System.out);
        if (formatted != 0) {
            Runtime.getRuntime().halt(formatted);
        }
        kafka.Kafka.main(new String[] {config});
    }

    private static boolean formatted(String config) {
        var properties = new Properties();
        try (var in = Files.newInputStream(Path.of(config))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Files.exists(Path.of(properties.getProperty("log.dirs"), "meta.properties"));
    }

    /** Kafka cluster ids are 16 random bytes, base64url without padding. */
    private static String kafkaClusterId() {
        UUID uuid = UUID.randomUUID();
        var bytes = java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
