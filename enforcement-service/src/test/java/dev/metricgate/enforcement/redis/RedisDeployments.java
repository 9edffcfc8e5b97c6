package dev.metricgate.enforcement.redis;

import dev.metricgate.devstack.RedisClusterServer;
import dev.metricgate.devstack.RedisTlsServer;
import dev.metricgate.enforcement.support.EnforcementIT;
import dev.metricgate.testsupport.SharedServers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The Redis deployments enforcement-service supports, as the {@code spring.*} properties that point
 * an instance at each. Where a deployment's tools are missing, the calling test class is skipped.
 */
final class RedisDeployments {

    private RedisDeployments() {}

    static Map<String, Object> standalone() {
        return Map.of(
                "spring.data.redis.host",
                "127.0.0.1",
                "spring.data.redis.port",
                SharedServers.redis().port());
    }

    /** Three masters with a replica each. */
    static Map<String, Object> cluster() {
        Assumptions.assumeTrue(RedisClusterServer.available(), "redis-server and redis-cli are not on the PATH");
        return Map.of(
                "spring.data.redis.cluster.nodes",
                String.join(",", SharedServers.redisCluster().addresses()));
    }

    /** TLS only, an ACL user with a password, the CA trusted through a Spring Boot SSL bundle. */
    static Map<String, Object> tls() {
        Assumptions.assumeTrue(RedisTlsServer.available(), "redis-server and openssl are not on the PATH");
        RedisTlsServer redis = SharedServers.redisTls();
        return Map.of(
                "spring.data.redis.host",
                "127.0.0.1",
                "spring.data.redis.port",
                redis.port(),
                "spring.data.redis.username",
                RedisTlsServer.USER,
                "spring.data.redis.password",
                redis.password(),
                "spring.data.redis.ssl.enabled",
                true,
                "spring.data.redis.ssl.bundle",
                "redis",
                "spring.ssl.bundle.pem.redis.truststore.certificate",
                "file:" + redis.caCertificate());
    }

    /**
     * Properties of a service instance on this deployment, in a plan-change consumer group of its
     * own (named {@code group-<random>}), so no other test's instance takes its events.
     */
    static Map<String, Object> instanceOn(Map<String, Object> redis, String group) {
        Map<String, Object> properties =
                EnforcementIT.instanceProperties(SharedServers.kafka().bootstrapServers());
        properties.remove("spring.data.redis.host");
        properties.remove("spring.data.redis.port");
        properties.putAll(redis);
        properties.put("metricgate.enforcement.plan-changes-group", group + "-" + UUID.randomUUID());
        return properties;
    }
}
