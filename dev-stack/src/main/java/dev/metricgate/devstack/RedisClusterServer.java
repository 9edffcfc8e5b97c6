package dev.metricgate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Redis Cluster on 127.0.0.1: three masters with one replica each, system {@code
 * redis-server} processes in cluster mode joined by {@code redis-cli --cluster create}. A node can
 * be killed (by PID) to make its replica take over. Needs {@code redis-server} and {@code
 * redis-cli} on the PATH ({@link #available()}).
 */
public final class RedisClusterServer implements AutoCloseable {

    private static final int NODES = 6;

    private final Map<Integer, ChildProcess> nodes;

    private RedisClusterServer(Map<Integer, ChildProcess> nodes) {
        this.nodes = nodes;
    }

    public static boolean available() {
        return Executables.onPath("redis-server") && Executables.onPath("redis-cli");
    }

    /**
     * Starts the cluster on free ports; when a port was taken between choosing and binding it (a
     * node exits at once), starts again on new ones, up to three times.
     */
    public static RedisClusterServer start(Path dir) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(dir.resolve("attempt-" + attempt));
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static RedisClusterServer startOnce(Path dir) {
        Map<Integer, ChildProcess> nodes = new LinkedHashMap<>();
        var cluster = new RedisClusterServer(nodes);
        try {
            for (int i = 0; i < NODES; i++) {
                int port = Net.freePort();
                Path nodeDir = Files.createDirectories(dir.resolve("node-" + port));
                nodes.put(
                        port,
                        ChildProcess.start(
                                "redis cluster node " + port,
                                List.of(
                                        "redis-server",
                                        "--port",
                                        Integer.toString(port),
                                        "--bind",
                                        Net.LOOPBACK,
                                        "--cluster-enabled",
                                        "yes",
                                        "--cluster-config-file",
                                        "nodes.conf",
                                        // a dead master is failed over within about two seconds
                                        "--cluster-node-timeout",
                                        "1000",
                                        "--save",
                                        "",
                                        "--appendonly",
                                        "no",
                                        "--dir",
                                        nodeDir.toString()),
                                Map.of(),
                                nodeDir,
                                nodeDir.resolve("redis.log")));
            }
            for (var node : nodes.entrySet()) {
                // its own answer, not just an open port: another process may hold the port it failed to bind
                Net.await("Redis cluster node " + node.getKey(), Duration.ofSeconds(10), node.getValue(), () -> {
                    node.getValue().assertAlive();
                    return Net.tcpOpen(node.getKey())
                            && cluster.cli(node.getKey(), "ping").contains("PONG");
                });
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            cluster.addresses().forEach(create::add);
            create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
            Executables.run(create, dir.resolve("cluster-create.log"), Duration.ofSeconds(60));
            Net.await("Redis cluster", Duration.ofSeconds(30), null, cluster::settled);
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Every node says the cluster is ok and knows all three masters and three replicas. */
    private boolean settled() {
        for (int port : nodes.keySet()) {
            String info = cli(port, "cluster", "info");
            if (!info.contains("cluster_state:ok") || !info.contains("cluster_known_nodes:" + NODES)) {
                return false;
            }
        }
        String topology = cli(nodes.keySet().iterator().next(), "cluster", "nodes");
        if (topology.lines().filter(line -> line.contains("master")).count() != 3
                || topology.lines().filter(line -> line.contains("slave")).count() != 3) {
            return false;
        }
        // every replica holds its master's data, so it can take over
        for (int port : nodes.keySet()) {
            String replication = cli(port, "info", "replication");
            if (replication.contains("role:slave") && !replication.contains("master_link_status:up")) {
                return false;
            }
        }
        return true;
    }

    /** {@code 127.0.0.1:port} of every node, for {@code spring.data.redis.cluster.nodes}. */
    public List<String> addresses() {
        return nodes.keySet().stream().map(port -> Net.LOOPBACK + ":" + port).toList();
    }

    /** The port of the master currently serving this key's slot. */
    public int masterOf(String key) {
        for (int port : nodes.keySet()) {
            if (nodes.get(port).isAlive()) {
                String slot = cli(port, "cluster", "keyslot", key).strip();
                for (String line : cli(port, "cluster", "nodes").lines().toList()) {
                    String[] fields = line.split(" ");
                    if (fields.length > 8 && fields[2].contains("master") && !fields[2].contains("fail")) {
                        for (int i = 8; i < fields.length; i++) {
                            if (covers(fields[i], Integer.parseInt(slot))) {
                                return Integer.parseInt(
                                        fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
                            }
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no live master serves " + key);
    }

    private static boolean covers(String range, int slot) {
        if (range.startsWith("[")) {
            return false;
        }
        int dash = range.indexOf('-');
        int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
        int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
        return slot >= from && slot <= to;
    }

    /** SIGKILL of one node's process (by PID): no goodbye to its clients or its replica. */
    public void kill(int port) {
        nodes.get(port).kill();
    }

    /** Whether a live replica now serves the slots the killed master served. */
    public boolean failedOver(String key) {
        try {
            int master = masterOf(key);
            return nodes.get(master).isAlive();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private String cli(int port, String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", Net.LOOPBACK, "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        return Executables.output(command, Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        nodes.values().forEach(node -> node.stop(Duration.ofSeconds(5)));
    }
}
