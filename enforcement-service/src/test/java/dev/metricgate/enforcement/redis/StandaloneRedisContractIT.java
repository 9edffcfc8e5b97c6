package dev.metricgate.enforcement.redis;

import java.util.Map;

/** The limit-store contract on one plain Redis. */
class StandaloneRedisContractIT extends LimitStoreContract {

    @Override
    Map<String, Object> redisProperties() {
        return RedisDeployments.standalone();
    }
}
