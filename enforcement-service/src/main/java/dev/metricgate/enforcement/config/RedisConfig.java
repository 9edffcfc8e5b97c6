package dev.metricgate.enforcement.config;

import dev.metricgate.enforcement.application.LocalFallback;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.ResourceLeakDetector;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Redis wiring shared by the counters, the key cache and the eviction channel: reconnect quickly,
 * and one circuit breaker that every Redis call reports to.
 */
@Configuration
class RedisConfig {

    private static final Logger log = LoggerFactory.getLogger(RedisConfig.class);

    static {
        // Netty's default leak detection records a stack trace for 1 in 128 buffers (about 240 a
        // second when the check ran through Lettuce). Lettuce releases its own buffers; an explicit
        // setting wins.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    /**
     * Reconnect quickly, and no per-command bookkeeping: Lettuce's own latency collector is off (the
     * charge script has its timer, {@code metricgate.redis.latency}), and Redis commands get no
     * tracing span of their own (Spring Boot's Lettuce observation is excluded in application.yml;
     * the HTTP request's span covers a check). Both cost more CPU per check than the rest of the
     * Redis round trip on this path (ADR 0015).
     */
    @Bean
    ClientResourcesBuilderCustomizer reconnectQuicklyWithoutCommandBookkeeping() {
        return builder -> builder.reconnectDelay(Delay.constant(Duration.ofMillis(200)))
                .commandLatencyRecorder(CommandLatencyRecorder.disabled());
    }

    /**
     * While a connection is down (Redis restarting, a failover in progress), commands fail at once
     * instead of queueing until the command timeout: the check falls back to its plan's failure mode
     * straight away, and the queue cannot replay stale charges after the reconnect.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    CircuitBreaker redisCircuitBreaker(EnforcementProperties properties, LocalFallback fallback, MeterRegistry meters) {
        EnforcementProperties.Breaker config = properties.breaker();
        CircuitBreaker breaker = CircuitBreaker.of(
                "redis",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(config.slidingWindowSize())
                        .minimumNumberOfCalls(config.minimumNumberOfCalls())
                        .failureRateThreshold(config.failureRateThreshold())
                        .waitDurationInOpenState(config.waitInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(2)
                        .build());
        Gauge.builder(
                        "metricgate.redis.circuit.open",
                        breaker,
                        b -> b.getState() == CircuitBreaker.State.CLOSED ? 0 : 1)
                .description("1 while the Redis circuit breaker is open or probing (checks use the failure mode)")
                .register(meters);
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.CLOSED) {
                fallback.reset();
            }
        });
        return breaker;
    }

    /**
     * The eviction channel's container. A Redis that is down at start-up must not keep the service
     * from starting (fail-soft and fail-open plans still decide), so a failed first subscription is
     * retried in the background until it succeeds.
     */
    @Bean
    RedisMessageListenerContainer redisMessageListenerContainer(RedisConnectionFactory connections) {
        var container = new RedisMessageListenerContainer() {
            private volatile boolean destroyed;

            @Override
            public void destroy() throws Exception {
                destroyed = true;
                super.destroy();
            }

            @Override
            public void start() {
                try {
                    super.start();
                } catch (RuntimeException e) {
                    log.warn("Eviction channel not subscribed yet ({}); retrying in the background", e.getMessage());
                    Thread.ofVirtual().name("eviction-channel-subscriber").start(() -> {
                        while (!isListening() && !destroyed) {
                            try {
                                Thread.sleep(500);
                                if (!destroyed) {
                                    super.start();
                                }
                            } catch (InterruptedException interrupted) {
                                return;
                            } catch (RuntimeException again) {
                                log.debug("Eviction channel still not subscribed", again);
                            }
                        }
                    });
                }
            }
        };
        container.setConnectionFactory(connections);
        container.setRecoveryInterval(500);
        return container;
    }
}
