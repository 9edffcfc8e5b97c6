package dev.metricgate.enforcement.redis;

import dev.metricgate.devstack.RedisClusterServer;
import dev.metricgate.testsupport.SharedServers;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** The limit-store contract on a Redis Cluster of three masters with a replica each. */
class ClusterRedisContractIT extends LimitStoreContract {

    @BeforeAll
    static void needsRedisCli() {
        Assumptions.assumeTrue(RedisClusterServer.available(), "redis-server and redis-cli are not on the PATH");
    }

    @Override
    Map<String, Object> redisProperties() {
        return Map.of(
                "spring.data.redis.cluster.nodes",
                String.join(",", SharedServers.redisCluster().addresses()));
    }
}
