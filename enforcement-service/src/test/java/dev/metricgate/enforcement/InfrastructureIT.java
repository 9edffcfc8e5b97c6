package dev.metricgate.enforcement;

import static dev.metricgate.testsupport.RealServers.Server.KAFKA;
import static dev.metricgate.testsupport.RealServers.Server.OIDC;
import static dev.metricgate.testsupport.RealServers.Server.REDIS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.testsupport.RealServers;
import dev.metricgate.testsupport.ServiceEdgeContract;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.kafka.core.KafkaTemplate;

/** enforcement-service runs on real Redis, Kafka and a real OIDC issuer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServers({REDIS, KAFKA, OIDC})
class InfrastructureIT implements ServiceEdgeContract {

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Override
    public int serverPort() {
        return port;
    }

    @Override
    public KafkaTemplate<String, String> kafkaTemplate() {
        return kafka;
    }

    /** Usage events are sent in batches off the request thread; see application.yml. */
    @Override
    public boolean producerPropagatesTraceContext() {
        return false;
    }

    @Test
    void givenRealRedis_whenRunningAScript_thenItIsCachedAndRunByShaAndSeesItsKeys() {
        String key = "infra:{" + UUID.randomUUID() + "}";
        RedisScript<Long> script = RedisScript.of("return redis.call('INCRBY', KEYS[1], ARGV[1])", Long.class);

        Long first = redis.execute(script, List.of(key), "2");
        Long second = redis.execute(script, List.of(key), "3");
        List<Boolean> cached = redis.execute((RedisCallback<List<Boolean>>)
                connection -> connection.scriptingCommands().scriptExists(script.getSha1()));

        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(5);
        assertThat(cached).containsExactly(true);
        assertThat(redis.opsForValue().get(key)).isEqualTo("5");
    }
}
