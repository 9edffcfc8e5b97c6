package dev.metricgate.enforcement.redis;

import java.util.Map;

class StandaloneMeteringIT extends MeteringContract {

    @Override
    Map<String, Object> redisProperties() {
        return RedisDeployments.standalone();
    }
}
