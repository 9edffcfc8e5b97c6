package dev.metricgate.enforcement.redis;

import java.util.Map;

/** Counters follow a moved tenant on one plain Redis. */
class StandaloneMovedTenantCountersIT extends MovedTenantCountersContract {

    @Override
    Map<String, Object> redisProperties() {
        return RedisDeployments.standalone();
    }
}
