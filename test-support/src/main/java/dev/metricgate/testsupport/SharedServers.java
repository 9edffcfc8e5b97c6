package dev.metricgate.testsupport;

import dev.metricgate.devstack.KafkaBroker;
import dev.metricgate.devstack.KeycloakServer;
import dev.metricgate.devstack.Net;
import dev.metricgate.devstack.PostgresServer;
import dev.metricgate.devstack.RedisClusterServer;
import dev.metricgate.devstack.RedisServer;
import dev.metricgate.devstack.RedisTlsServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The real servers of one test JVM: each started on a free 127.0.0.1 port the first time a test
 * asks for it, shared by every later test, and stopped (by PID) when the JVM exits.
 */
public final class SharedServers {

    private static final Deque<Runnable> STOPS = new ArrayDeque<>();
    private static PostgresServer postgres;
    private static RedisServer redis;
    private static RedisClusterServer redisCluster;
    private static RedisTlsServer redisTls;
    private static KafkaBroker kafka;
    private static MockOAuth2Server oidc;
    private static KeycloakServer keycloak;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedServers::stopAll, "shared-servers-shutdown"));
    }

    private SharedServers() {}

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(Net.freePort(), scratch("postgres"));
            STOPS.push(postgres::close);
        }
        return postgres;
    }

    public static synchronized RedisServer redis() {
        if (redis == null) {
            redis = RedisServer.start(Net.freePort());
            STOPS.push(redis::close);
        }
        return redis;
    }

    /** Three masters with a replica each; tests that need it skip where redis-cli is missing. */
    public static synchronized RedisClusterServer redisCluster() {
        if (redisCluster == null) {
            redisCluster = RedisClusterServer.start(scratch("redis-cluster"));
            STOPS.push(redisCluster::close);
        }
        return redisCluster;
    }

    /** TLS only, an ACL user with a password; tests that need it skip where openssl is missing. */
    public static synchronized RedisTlsServer redisTls() {
        if (redisTls == null) {
            redisTls = RedisTlsServer.start(scratch("redis-tls"));
            STOPS.push(redisTls::close);
        }
        return redisTls;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(Net.freePort(), scratch("kafka"));
            STOPS.push(kafka::close);
        }
        return kafka;
    }

    public static synchronized MockOAuth2Server oidc() {
        if (oidc == null) {
            var server = new MockOAuth2Server();
            try {
                server.start(InetAddress.getByName(Net.LOOPBACK), Net.freePort());
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
            oidc = server;
            STOPS.push(server::shutdown);
        }
        return oidc;
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            keycloak = KeycloakServer.start(Net.freePort());
            STOPS.push(keycloak::close);
        }
        return keycloak;
    }

    private static Path scratch(String name) {
        return Path.of(
                        "target",
                        "real-servers",
                        name + "-" + ProcessHandle.current().pid())
                .toAbsolutePath();
    }

    private static synchronized void stopAll() {
        while (!STOPS.isEmpty()) {
            try {
                STOPS.pop().run();
            } catch (RuntimeException e) {
                System.err.println("stopping a shared server: " + e);
            }
        }
    }
}
