package dev.metricgate.enforcement.redis;

import dev.metricgate.testsupport.SharedServers;
import java.util.Map;

/** Counters follow a moved tenant on one plain Redis. */
class StandaloneMovedTenantCountersIT extends MovedTenantCountersContract {

    @Override
    Map<String, Object> redisProperties() {
        return Map.of(
                "spring.data.redis.host",
                "127.0.0.1",
                "spring.data.redis.port",
                SharedServers.redis().port());
    }
}
