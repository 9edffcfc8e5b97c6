package dev.metricgate.bench.bucket4j;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The peer of the enforcement benchmark: rate limiting as a Java user would add it with Bucket4j
 * instead of MetricGate. One bucket per API key in Redis, through one shared Lettuce connection and
 * Bucket4j's compare-and-swap proxy manager, set up as the Bucket4j reference shows it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Bucket4jPeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(Bucket4jPeerApplication.class, args);
    }

    /** One key's plan: a token bucket and a monthly quota. */
    @ConfigurationProperties("peer")
    record PeerProperties(String redisUri, long requestsPerSecond, long burst, long monthlyQuota) {}

    @Bean
    RedisClient redisClient(PeerProperties peer) {
        return RedisClient.create(peer.redisUri());
    }

    @Bean
    StatefulRedisConnection<String, byte[]> redisConnection(RedisClient redisClient) {
        return redisClient.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    @Bean
    LettuceBasedProxyManager<String> proxyManager(StatefulRedisConnection<String, byte[]> redisConnection) {
        // without an expiration every bucket would stay in Redis forever
        return Bucket4jLettuce.casBasedBuilder(redisConnection)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    @Bean
    BucketConfiguration plan(PeerProperties peer) {
        // Bucket4j has no calendar months: the quota refills every 30 days
        return BucketConfiguration.builder()
                .addLimit(limit ->
                        limit.capacity(peer.burst()).refillGreedy(peer.requestsPerSecond(), Duration.ofSeconds(1)))
                .addLimit(limit ->
                        limit.capacity(peer.monthlyQuota()).refillIntervally(peer.monthlyQuota(), Duration.ofDays(30)))
                .build();
    }
}
