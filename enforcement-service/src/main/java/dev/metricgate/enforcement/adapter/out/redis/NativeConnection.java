package dev.metricgate.enforcement.adapter.out.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.RedisCodec;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A connection of our own on the Lettuce client Spring Boot configured from {@code
 * spring.data.redis.*} (standalone, Sentinel or Cluster, TLS, ACL user), with the commands both
 * kinds of connection offer.
 */
record NativeConnection<K, V>(
        StatefulConnection<K, V> connection, RedisClusterAsyncCommands<K, V> async, RedisClusterCommands<K, V> sync) {

    static <K, V> NativeConnection<K, V> open(LettuceConnectionFactory factory, RedisCodec<K, V> codec) {
        AbstractRedisClient client = factory.getRequiredNativeClient();
        if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterConnection<K, V> opened = cluster.connect(codec);
            return new NativeConnection<>(opened, opened.async(), opened.sync());
        }
        StatefulRedisConnection<K, V> opened = ((RedisClient) client).connect(codec);
        return new NativeConnection<>(opened, opened.async(), opened.sync());
    }
}
