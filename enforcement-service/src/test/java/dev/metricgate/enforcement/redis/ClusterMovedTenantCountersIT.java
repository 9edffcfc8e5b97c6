package dev.metricgate.enforcement.redis;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Counters follow a moved tenant on a Redis Cluster of three masters, from a tree whose hash tag
 * one master owns to a tree on another master.
 */
class ClusterMovedTenantCountersIT extends MovedTenantCountersContract {

    @Override
    Map<String, Object> redisProperties() {
        return RedisDeployments.cluster();
    }

    @Override
    UUID anotherRoot(UUID root) {
        try (RedisClusterConnection cluster =
                instance().getBean(RedisConnectionFactory.class).getClusterConnection()) {
            String owner = cluster.clusterGetNodeForKey(tag(root)).getId();
            UUID other;
            do {
                other = UUID.randomUUID();
            } while (owner.equals(cluster.clusterGetNodeForKey(tag(other)).getId()));
            return other;
        }
    }

    private static byte[] tag(UUID root) {
        return ("{" + root + "}").getBytes(StandardCharsets.UTF_8);
    }
}
