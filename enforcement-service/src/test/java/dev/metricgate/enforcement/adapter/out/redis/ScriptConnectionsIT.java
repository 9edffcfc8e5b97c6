package dev.metricgate.enforcement.adapter.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metricgate.testsupport.SharedServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The charge script's own RESP connections, against a real Redis. */
class ScriptConnectionsIT {

    private static final String SCRIPT = "return {redis.call('INCRBY', KEYS[1], ARGV[1]), -7, tonumber(ARGV[2])}";
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> admin;
    private static RedisCommands<String, String> redis;
    private static String sha;

    @BeforeAll
    static void connect() {
        client = RedisClient.create("redis://127.0.0.1:" + SharedServers.redis().port());
        admin = client.connect();
        redis = admin.sync();
        sha = redis.scriptLoad(SCRIPT);
    }

    @AfterAll
    static void disconnect() {
        redis.aclDeluser("script-user");
        admin.close();
        client.shutdown();
    }

    private static RedisEndpoint endpoint(int database, String username, String password) {
        return new RedisEndpoint("127.0.0.1", SharedServers.redis().port(), database, username, password);
    }

    @Test
    void runsTheScriptAndReadsItsIntegersIncludingNegativeOnes() throws IOException {
        redis.del("sc:plain");
        try (var connections = new ScriptConnections(endpoint(0, null, null), TIMEOUT, 4)) {
            long[] first = connections.run(c -> c.evalsha(sha, new String[] {"sc:plain"}, new String[] {"5", "-12"}));
            long[] second = connections.run(c -> c.evalsha(sha, new String[] {"sc:plain"}, new String[] {"5", "0"}));

            assertThat(first).containsExactly(5, -7, -12);
            assertThat(second).containsExactly(10, -7, 0);
        }
        assertThat(redis.get("sc:plain")).isEqualTo("10");
    }

    @Test
    void keysAndArgumentsOfAnyLengthAndAlphabetArriveIntact() throws IOException {
        String route = "mg:{root}:r:tenant:POST /v1/bücher/€"; // a route may be any UTF-8
        String longKey = "sc:long:" + "x".repeat(10_000); // longer than the command buffer
        redis.del(route, longKey);
        try (var connections = new ScriptConnections(endpoint(0, null, null), TIMEOUT, 1)) {
            connections.run(c -> c.evalsha(sha, new String[] {route}, new String[] {"7", "0"}));
            connections.run(c -> c.evalsha(sha, new String[] {longKey}, new String[] {"1234567890", "0"}));
        }
        assertThat(redis.get(route)).isEqualTo("7");
        assertThat(redis.get(longKey)).isEqualTo("1234567890");
        redis.del(route, longKey);
    }

    @Test
    void aConnectionIsReusedAfterAnErrorReply() throws IOException {
        try (var connections = new ScriptConnections(endpoint(0, null, null), TIMEOUT, 1)) {
            assertThatThrownBy(() -> connections.run(c -> c.evalsha("0".repeat(40), new String[0], new String[0])))
                    .isInstanceOfSatisfying(
                            RedisReplyException.class,
                            e -> assertThat(e.noScript()).isTrue());
            long clientsBefore = connectedClients();
            long[] reply = connections.run(c -> c.evalsha(sha, new String[] {"sc:reuse"}, new String[] {"1", "1"}));

            assertThat(reply).hasSize(3);
            assertThat(connectedClients()).isEqualTo(clientsBefore);
        }
    }

    @Test
    void aScriptUnknownToRedisCanBeLoadedOnTheSameConnection() throws IOException {
        String other = "return {tonumber(ARGV[1]) * 2}";
        redis.scriptFlush();
        try (var connections = new ScriptConnections(endpoint(0, null, null), TIMEOUT, 1)) {
            long[] reply = connections.run(c -> {
                c.scriptLoad(other);
                return c.evalsha(sha1(other), new String[0], new String[] {"21"});
            });

            assertThat(reply).containsExactly(42);
        } finally {
            sha = redis.scriptLoad(SCRIPT);
        }
    }

    @Test
    void authenticatesAsAnAclUserAndSelectsTheDatabase() throws IOException {
        redis.aclSetuser(
                "script-user",
                io.lettuce.core.AclSetuserArgs.Builder.on()
                        .addPassword("s3cret-pass")
                        .allKeys()
                        .allCommands());
        try (var connections = new ScriptConnections(endpoint(3, "script-user", "s3cret-pass"), TIMEOUT, 1)) {
            connections.run(c -> c.evalsha(sha, new String[] {"sc:db3"}, new String[] {"4", "0"}));
        }
        redis.select(3);
        try {
            assertThat(redis.get("sc:db3")).isEqualTo("4");
            redis.del("sc:db3");
        } finally {
            redis.select(0);
        }
        try (var wrong = new ScriptConnections(endpoint(0, "script-user", "wrong"), TIMEOUT, 1)) {
            assertThatThrownBy(() -> wrong.run(c -> c.evalsha(sha, new String[] {"sc:x"}, new String[] {"1", "0"})))
                    .isInstanceOf(RedisReplyException.class)
                    .hasMessageStartingWith("WRONGPASS");
        }
    }

    @Test
    void aConnectionIdleLongerThanTheLimitIsReplacedBeforeRedisDroppedItCostsACall() throws Exception {
        // a Redis of its own: `timeout 1` closes every client idle for a second
        try (var strict = dev.metricgate.devstack.RedisServer.start(dev.metricgate.devstack.Net.freePort());
                var strictClient = RedisClient.create("redis://127.0.0.1:" + strict.port());
                var strictAdmin = strictClient.connect()) {
            String strictSha = strictAdmin.sync().scriptLoad(SCRIPT);
            strictAdmin.sync().configSet("timeout", "1");
            var endpoint = new RedisEndpoint("127.0.0.1", strict.port(), 0, null, null);
            try (var connections = new ScriptConnections(endpoint, TIMEOUT, 1, Duration.ofMillis(500))) {
                connections.run(c -> c.evalsha(strictSha, new String[] {"sc:idle"}, new String[] {"1", "0"}));
                Thread.sleep(3_000); // Redis checks idle clients ten times a second

                long[] reply =
                        connections.run(c -> c.evalsha(strictSha, new String[] {"sc:idle"}, new String[] {"1", "0"}));

                assertThat(reply[0]).isEqualTo(2);
            }
            try (var lenient = new ScriptConnections(endpoint, TIMEOUT, 1, Duration.ofMinutes(1))) {
                lenient.run(c -> c.evalsha(strictSha, new String[] {"sc:idle"}, new String[] {"1", "0"}));
                Thread.sleep(3_000);

                // the same wait without the limit: the dropped connection fails the call
                assertThatThrownBy(() -> lenient.run(
                                c -> c.evalsha(strictSha, new String[] {"sc:idle"}, new String[] {"1", "0"})))
                        .isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutInsteadOfHanging() throws IOException {
        try (var silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                var connections = new ScriptConnections(
                        new RedisEndpoint("127.0.0.1", silent.getLocalPort(), 0, null, null),
                        Duration.ofMillis(200),
                        1)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> connections.run(c -> c.evalsha(sha, new String[] {"k"}, new String[] {"1", "0"})))
                    .isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aCallerWaitsNoLongerThanTheTimeoutForAFreeConnection() throws Exception {
        try (var connections = new ScriptConnections(endpoint(0, null, null), Duration.ofMillis(200), 1)) {
            var holding = new java.util.concurrent.CountDownLatch(1);
            var release = new java.util.concurrent.CountDownLatch(1);
            Thread holder = Thread.ofVirtual().start(() -> {
                try {
                    connections.run(c -> {
                        holding.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    });
                } catch (IOException ignored) {
                    // released below
                }
            });
            holding.await();
            assertThatThrownBy(() -> connections.run(c -> c.evalsha(sha, new String[] {"k"}, new String[] {"1", "0"})))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no Redis connection free");
            release.countDown();
            holder.join();
        }
    }

    private static long connectedClients() {
        String info = redis.info("clients");
        return Long.parseLong(info.split("connected_clients:")[1].split("\\R")[0].trim());
    }

    private static String sha1(String text) throws IOException {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-1")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
