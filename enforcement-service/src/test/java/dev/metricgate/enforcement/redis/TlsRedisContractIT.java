package dev.metricgate.enforcement.redis;

import java.util.Map;

/**
 * The limit-store contract on a Redis that speaks only TLS and knows only an ACL user with a
 * password: the certificate is trusted through a Spring Boot SSL bundle, as in production.
 */
class TlsRedisContractIT extends LimitStoreContract {

    @Override
    Map<String, Object> redisProperties() {
        return RedisDeployments.tls();
    }
}
