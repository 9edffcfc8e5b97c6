package dev.metricgate.enforcement.redis;

import java.util.Map;

/** On Redis Cluster every slot has its own usage stream; the relay finds them by scanning every master. */
class ClusterMeteringIT extends MeteringContract {

    @Override
    Map<String, Object> redisProperties() {
        return RedisDeployments.cluster();
    }
}
