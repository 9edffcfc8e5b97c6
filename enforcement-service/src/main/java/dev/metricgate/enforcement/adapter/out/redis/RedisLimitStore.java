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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The counters in Redis: one Lua script, read once at start-up, run with EVALSHA (one command per
 * check) over blocking connections that the check's own virtual thread writes and reads (ADR 0014),
 * reloaded when Redis answers NOSCRIPT. Every call goes through the circuit breaker, so a dead Redis
 * costs no waiting.
 */
@Component
class RedisLimitStore implements LimitStore, DisposableBean {

    static final String SCRIPT_PATH = "scripts/charge.lua";

    private final ScriptConnections connections;
    private final String script;
    private final String sha;
    private final CircuitBreaker breaker;
    private final Timer latency;
    private final Clock clock;
    private final boolean redisClock;

    RedisLimitStore(
            DataRedisConnectionDetails details,
            CircuitBreaker redisCircuitBreaker,
            MeterRegistry meters,
            Clock clock,
            EnforcementProperties properties) {
        var standalone = details.getStandalone();
        this.connections = new ScriptConnections(
                new RedisEndpoint(
                        standalone.getHost(),
                        standalone.getPort(),
                        standalone.getDatabase(),
                        details.getUsername(),
                        details.getPassword()),
                properties.redisCommandTimeout(),
                properties.redisConnections());
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

    @Override
    public ChargeResult charge(KeyGrant grant, List<LimitCheck> checks, int cost) {
        if (!breaker.tryAcquirePermission()) {
            throw new CountersUnreachableException("circuit breaker open", null);
        }
        String[] keys = RedisKeys.forChecks(grant.rootTenantId(), checks);
        String[] args = arguments(checks, cost);
        long start = System.nanoTime();
        try {
            long[] reply = evaluate(keys, args);
            long elapsed = System.nanoTime() - start;
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            latency.record(elapsed, TimeUnit.NANOSECONDS);
            return parse(reply, checks.size());
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw new CountersUnreachableException("Redis did not answer the charge script", e);
        }
    }

    private long[] evaluate(String[] keys, String[] args) {
        try {
            return connections.run(connection -> {
                try {
                    return connection.evalsha(sha, keys, args);
                } catch (RedisReplyException e) {
                    if (!e.noScript()) {
                        throw e;
                    }
                    // Redis restarted or flushed its script cache: load the same text again, once.
                    connection.scriptLoad(script);
                    return connection.evalsha(sha, keys, args);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static ChargeResult parse(long[] reply, int checks) {
        Verdict verdict = switch ((int) reply[0]) {
            case 0 -> Verdict.ALLOWED;
            case 1 -> Verdict.DENIED;
            default -> Verdict.SHADOW_DENIED;
        };
        int denied = (int) reply[1] - 1;
        long retry = reply[2];
        List<CheckState> states = new ArrayList<>(checks);
        for (int i = 0; i < checks; i++) {
            states.add(new CheckState(reply[3 + 2 * i], reply[4 + 2 * i]));
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
        connections.close();
    }
}
