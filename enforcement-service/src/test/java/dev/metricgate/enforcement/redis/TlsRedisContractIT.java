package dev.metricgate.enforcement.redis;

import dev.metricgate.devstack.RedisTlsServer;
import dev.metricgate.testsupport.SharedServers;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The limit-store contract on a Redis that speaks only TLS and knows only an ACL user with a
 * password: the certificate is trusted through a Spring Boot SSL bundle, as in production.
 */
class TlsRedisContractIT extends LimitStoreContract {

    @BeforeAll
    static void needsOpenssl() {
        Assumptions.assumeTrue(RedisTlsServer.available(), "redis-server and openssl are not on the PATH");
    }

    @Override
    Map<String, Object> redisProperties() {
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
}
