package dev.metricgate.enforcement.redis;

import java.util.Map;

/** The limit-store contract on a Redis Cluster of three masters with a replica each. */
class ClusterRedisContractIT extends LimitStoreContract {

    @Override
    Map<String, Object> redisProperties() {
        return RedisDeployments.cluster();
    }
}
