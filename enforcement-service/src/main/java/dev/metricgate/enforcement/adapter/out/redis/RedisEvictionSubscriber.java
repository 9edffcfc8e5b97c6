package dev.metricgate.enforcement.adapter.out.redis;

import dev.metricgate.enforcement.application.EvictKeyResolutions;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * This instance's ear on the eviction channel: whatever any instance evicts from Redis, this one
 * drops from its in-process cache.
 */
@Component
class RedisEvictionSubscriber implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(RedisEvictionSubscriber.class);

    private final EvictKeyResolutions evictions;

    RedisEvictionSubscriber(RedisMessageListenerContainer container, EvictKeyResolutions evictions) {
        this.evictions = evictions;
        container.addMessageListener(this, new ChannelTopic(RedisKeys.EVICTIONS_CHANNEL));
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        try {
            EvictionMessage eviction = EvictionMessage.decode(new String(message.getBody(), StandardCharsets.UTF_8));
            evictions.evictLocally(eviction.keyHashes(), eviction.tenantIds());
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring a malformed eviction message");
        }
    }
}
