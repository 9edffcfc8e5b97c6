package dev.metricgate.enforcement.adapter.out.redis;

import dev.metricgate.enforcement.application.port.out.CountersUnreachableException;
import dev.metricgate.enforcement.application.port.out.LimitStore;
import dev.metricgate.enforcement.config.EnforcementProperties;
import dev.metricgate.enforcement.domain.ChargeResult;
import dev.metricgate.enforcement.domain.CheckState;
import dev.metricgate.enforcement.domain.KeyGrant;
import dev.metricgate.enforcement.domain.LimitCheck;
import dev.metricgate.enforcement.domain.Verdict;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.lettuce.core.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The counters in Redis: one Lua script, read once at start-up, run with EVALSHA over a dedicated
 * multiplexed Lettuce connection (one command per check), reloaded when Redis answers NOSCRIPT.
 * Every call goes through the circuit breaker, so a dead Redis costs no waiting.
 */
@Component
class RedisLimitStore implements LimitStore, DisposableBean {

    static final String SCRIPT_PATH = "scripts/charge.lua";

    private final RedisClient client;
    private final String script;
    private final String sha;
    private final CircuitBreaker breaker;
    private final Timer latency;
    private final Clock clock;
    private final boolean redisClock;
    private volatile StatefulRedisConnection<String, String> connection;

    RedisLimitStore(
            DataRedisConnectionDetails details,
            ClientResources resources,
            CircuitBreaker redisCircuitBreaker,
            MeterRegistry meters,
            Clock clock,
            EnforcementProperties properties) {
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(details.getStandalone().getHost())
                .withPort(details.getStandalone().getPort())
                .withDatabase(details.getStandalone().getDatabase())
                .withTimeout(properties.redisCommandTimeout());
        if (details.getPassword() != null) {
            uri.withAuthentication(
                    details.getUsername() == null ? "default" : details.getUsername(), details.getPassword());
        }
        this.client = RedisClient.create(hotPath(resources), uri.build());
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.script = readScript();
        this.sha = sha1(script);
        this.breaker = redisCircuitBreaker;
        this.latency = Timer.builder("metricgate.redis.latency")
                .description("Round trip of the charge script")
                .publishPercentiles(0.5, 0.99, 0.999)
                .register(meters);
        this.clock = clock;
        this.redisClock = properties.redisClock();
    }

    /**
     * The shared client resources (event loops, reconnect delay) without the per-command tracing
     * span and latency timers Spring Boot adds: this connection carries one command per check and
     * has its own timer. Flushes are consolidated, so the scripts of concurrent checks leave in one
     * write and Redis reads them in one go (pipelining without changing how a check waits).
     */
    private static ClientResources hotPath(ClientResources shared) {
        return shared.mutate()
                .tracing(Tracing.disabled())
                .commandLatencyRecorder(CommandLatencyRecorder.disabled())
                .nettyCustomizer(new NettyCustomizer() {
                    @Override
                    public void afterChannelInitialized(Channel channel) {
                        channel.pipeline()
                                .addFirst(new FlushConsolidationHandler(
                                        FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
                    }
                })
                .build();
    }

    @Override
    public ChargeResult charge(KeyGrant grant, List<LimitCheck> checks, int cost) {
        if (!breaker.tryAcquirePermission()) {
            throw new CountersUnreachableException("circuit breaker open", null);
        }
        String[] keys = RedisKeys.forChecks(grant.rootTenantId(), checks);
        String[] args = arguments(checks, cost);
        long start = System.nanoTime();
        try {
            List<Object> reply = evaluate(keys, args);
            long elapsed = System.nanoTime() - start;
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            latency.record(elapsed, TimeUnit.NANOSECONDS);
            return parse(reply, checks.size());
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw new CountersUnreachableException("Redis did not answer the charge script", e);
        }
    }

    private List<Object> evaluate(String[] keys, String[] args) {
        StatefulRedisConnection<String, String> redis = connection();
        try {
            return redis.sync().evalsha(sha, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException e) {
            // Redis restarted or flushed its script cache: load the same text again, once.
            redis.sync().scriptLoad(script);
            return redis.sync().evalsha(sha, ScriptOutputType.MULTI, keys, args);
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (connection == null) {
                connection = client.connect();
            }
            return connection;
        }
    }

    private String[] arguments(List<LimitCheck> checks, int cost) {
        String[] args = new String[3 + checks.size() * 5];
        args[0] = redisClock ? "" : Long.toString(clock.millis());
        args[1] = Integer.toString(cost);
        args[2] = Integer.toString(checks.size());
        int i = 3;
        for (LimitCheck check : checks) {
            if (check.isBucket()) {
                args[i++] = "b";
                args[i++] = check.shadow() ? "1" : "0";
                args[i++] = Integer.toString(check.bucket().burst());
                args[i++] = Integer.toString(check.bucket().requestsPerSecond());
                args[i++] = "0";
            } else {
                args[i++] = "q";
                args[i++] = check.shadow() ? "1" : "0";
                args[i++] = Long.toString(check.quota());
                args[i++] = Long.toString(check.period().end().toEpochMilli());
                args[i++] = Long.toString(check.period().nextEnd().toEpochMilli());
            }
        }
        return args;
    }

    private static ChargeResult parse(List<Object> reply, int checks) {
        Verdict verdict = switch (((Long) reply.get(0)).intValue()) {
            case 0 -> Verdict.ALLOWED;
            case 1 -> Verdict.DENIED;
            default -> Verdict.SHADOW_DENIED;
        };
        int denied = ((Long) reply.get(1)).intValue() - 1;
        long retry = (Long) reply.get(2);
        List<CheckState> states = new ArrayList<>(checks);
        for (int i = 0; i < checks; i++) {
            states.add(new CheckState((Long) reply.get(3 + 2 * i), (Long) reply.get(4 + 2 * i)));
        }
        return new ChargeResult(verdict, denied, retry, states);
    }

    private static String readScript() {
        try (var in = new ClassPathResource(SCRIPT_PATH).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCRIPT_PATH, e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JRE", e);
        }
    }

    @Override
    public void destroy() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
