package dev.metricgate.enforcement.adapter.out.redis;

import static dev.metricgate.enforcement.adapter.out.redis.ChargeBatches.number;

import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.enforcement.application.port.out.CountersUnreachableException;
import dev.metricgate.enforcement.application.port.out.LimitStore;
import dev.metricgate.enforcement.application.port.out.QuotasLostException;
import dev.metricgate.enforcement.config.EnforcementProperties;
import dev.metricgate.enforcement.domain.ChargeResult;
import dev.metricgate.enforcement.domain.CheckState;
import dev.metricgate.enforcement.domain.KeyGrant;
import dev.metricgate.enforcement.domain.LimitCheck;
import dev.metricgate.enforcement.domain.Verdict;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The counters in Redis: one Lua script, read once at start-up, run with EVALSHA on one Lettuce
 * connection that every check shares (ADR 0015). Checks that arrive while a call is out share the
 * next one, each still charged all or nothing and in arrival order (ADR 0017), and the same call
 * writes each decision's usage record to the slot's usage stream (ADR 0018). The connection comes
 * from the client Spring Boot configured from {@code spring.data.redis.*}: standalone, Sentinel or
 * Cluster, TLS, ACL user. On Cluster the call goes to the node owning the slot of the tree's hash
 * tag. A Redis that forgot the script (restart, failover, SCRIPT FLUSH) gets it again with EVAL; one
 * that lost quota counters has them rebuilt from usage-service first (ADR 0019).
 * Every check goes through the circuit breaker and waits at most the command timeout, so a dead
 * Redis costs no waiting.
 */
@Component
class RedisLimitStore implements LimitStore, SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLimitStore.class);

    private final LettuceConnectionFactory factory;
    private final byte[] script;
    private final byte[] seedScript;
    private final Clock clock;
    private final Duration commandTimeout;
    private final String sha;
    private final CircuitBreaker breaker;
    private final Timer latency;
    private final boolean cluster;
    private final RedisUsageRelay relay;
    private final ChargeBatches batches;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile NativeConnection<byte[], byte[]> shared;

    RedisLimitStore(
            LettuceConnectionFactory factory,
            CircuitBreaker redisCircuitBreaker,
            MeterRegistry meters,
            Clock clock,
            EnforcementProperties properties,
            RedisUsageRelay relay) {
        this.factory = factory;
        this.relay = relay;
        RedisScript<Object> charge = LuaScripts.load("charge.lua", Object.class);
        this.script = charge.getScriptAsString().getBytes(StandardCharsets.UTF_8);
        this.seedScript = LuaScripts.load("seed-quotas.lua", Long.class)
                .getScriptAsString()
                .getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.commandTimeout = properties.redisCommandTimeout();
        this.sha = charge.getSha1();
        this.breaker = redisCircuitBreaker;
        this.latency = Timer.builder("metricgate.redis.latency")
                .description("Round trip of the charge script")
                .publishPercentiles(0.5, 0.99, 0.999)
                .register(meters);
        this.cluster = factory.isClusterAware();
        EnforcementProperties.Batch batch = properties.batch();
        Supplier<byte[]> now = properties.redisClock() ? () -> EMPTY : () -> number(clock.millis());
        this.batches = new ChargeBatches(
                this::evaluate,
                now,
                lane -> (cluster ? RedisKeys.usageStream(lane) : RedisKeys.USAGE_STREAM)
                        .getBytes(StandardCharsets.UTF_8),
                batch.maxDecisions(),
                batch.maxInFlight(),
                batch.maxWait().toNanos(),
                properties.redisCommandTimeout().toNanos());
    }

    @Override
    public ChargeResult charge(KeyGrant grant, List<LimitCheck> checks, int cost, UsageEvent usage) {
        if (!breaker.tryAcquirePermission()) {
            throw new CountersUnreachableException("circuit breaker open", null);
        }
        ChargeBatches.Limit[] limits = new ChargeBatches.Limit[checks.size()];
        for (int i = 0; i < limits.length; i++) {
            LimitCheck check = checks.get(i);
            limits[i] = new ChargeBatches.Limit(RedisKeys.forCheck(grant.rootTenantId(), check), arguments(check));
        }
        int lane = cluster && limits.length > 0 ? SlotHash.getSlot(limits[0].keys[0]) : 0;
        var decision = new ChargeBatches.Pending(number(cost), StreamedUsage.encode(usage, checks), limits);
        long start = System.nanoTime();
        List<Long> reply;
        try {
            reply = batches.charge(lane, decision);
            long elapsed = System.nanoTime() - start;
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            latency.record(elapsed, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(start, e);
        } catch (ExecutionException | RuntimeException e) {
            throw unreachable(start, e);
        } finally {
            relay.written(lane);
        }
        return parse(reply, checks);
    }

    @Override
    public void seed(KeyGrant grant, List<QuotaSeed> seeds) {
        byte[][] keys = new byte[seeds.size() * 2][];
        byte[][] args = new byte[seeds.size() * 2][];
        long now = clock.millis();
        for (int i = 0; i < seeds.size(); i++) {
            LimitCheck check = seeds.get(i).check();
            UUID tenant = check.tenant().tenantId();
            keys[2 * i] = RedisKeys.utf8(
                    RedisKeys.quota(grant.rootTenantId(), tenant, check.period().id()));
            keys[2 * i + 1] = RedisKeys.utf8(RedisKeys.seedMarker(grant.rootTenantId(), tenant));
            args[2 * i] = number(seeds.get(i).used());
            // as the charge script sets it: the counter outlives its period by a day
            args[2 * i + 1] = number(check.period().end().toEpochMilli() + 86_400_000L - now);
        }
        try {
            Long seeded = commands()
                    .<Long>eval(seedScript, ScriptOutputType.INTEGER, keys, args)
                    .get(commandTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (seeded != null && seeded > 0) {
                log.info(
                        "Rebuilt lost quota counters from usage-service's record, cost units used per tenant: {}",
                        seeds.stream()
                                .map(seed -> seed.check().tenant().tenantId() + "=" + seed.used())
                                .toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CountersUnreachableException("interrupted while seeding quota counters", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new CountersUnreachableException("Redis did not seed the quota counters", e);
        }
    }

    private CountersUnreachableException unreachable(long start, Exception e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, cause);
        log.debug("Charge script failed", cause);
        return new CountersUnreachableException("Redis did not answer the charge script", cause);
    }

    /** One call of the script for the decisions of a batch. */
    private CompletionStage<List<Long>> evaluate(byte[][] keys, byte[][] args) {
        RedisClusterAsyncCommands<byte[], byte[]> redis = commands();
        RedisFuture<List<Long>> cached = redis.evalsha(sha, ScriptOutputType.MULTI, keys, args);
        return cached.exceptionallyCompose(failure -> {
            if (failure instanceof RedisNoScriptException || failure.getCause() instanceof RedisNoScriptException) {
                // this node restarted, failed over or flushed its scripts: EVAL runs the same text
                // and caches it there again (on Cluster it goes to the same slot's node)
                return redis.<List<Long>>eval(script, ScriptOutputType.MULTI, keys, args);
            }
            return CompletableFuture.failedStage(failure);
        });
    }

    /**
     * The shared connection, opened on first use: a Redis that is down when the service starts must
     * not keep it from starting (the plans' failure modes decide meanwhile). Once open, Lettuce
     * reconnects it by itself, following Sentinel's or the Cluster's new master.
     */
    private RedisClusterAsyncCommands<byte[], byte[]> commands() {
        NativeConnection<byte[], byte[]> current = shared;
        if (current != null) {
            return current.async();
        }
        connecting.lock();
        try {
            if (shared == null) {
                shared = NativeConnection.open(factory, ByteArrayCodec.INSTANCE);
            }
            return shared.async();
        } finally {
            connecting.unlock();
        }
    }

    /** A check's 5 arguments: kind, shadow, and the limit's three values (see charge.lua). */
    private static byte[][] arguments(LimitCheck check) {
        byte[] shadow = check.shadow() ? ONE : ZERO;
        if (check.isBucket()) {
            return new byte[][] {
                BUCKET,
                shadow,
                number(check.bucket().burst()),
                number(check.bucket().requestsPerSecond()),
                ZERO
            };
        }
        return new byte[][] {
            QUOTA,
            shadow,
            number(check.quota()),
            number(check.period().end().toEpochMilli()),
            number(check.period().nextEnd().toEpochMilli())
        };
    }

    private static final byte[] EMPTY = {};
    private static final byte[] ZERO = {'0'};
    private static final byte[] ONE = {'1'};
    private static final byte[] BUCKET = {'b'};
    private static final byte[] QUOTA = {'q'};

    private static ChargeResult parse(List<Long> reply, List<LimitCheck> decided) {
        int checks = decided.size();
        Verdict verdict = switch (reply.get(0).intValue()) {
            case 0 -> Verdict.ALLOWED;
            case 1 -> Verdict.DENIED;
            case 2 -> Verdict.SHADOW_DENIED;
            default -> throw new QuotasLostException(lost(decided, reply.get(2)));
        };
        int denied = reply.get(1).intValue() - 1;
        long retry = reply.get(2);
        List<CheckState> states = new ArrayList<>(checks);
        for (int i = 0; i < checks; i++) {
            states.add(new CheckState(reply.get(3 + 2 * i), reply.get(4 + 2 * i)));
        }
        return new ChargeResult(verdict, denied, retry, states);
    }

    /** The checks of the script's bit mask of counters to rebuild (bit 0 = first check). */
    private static List<LimitCheck> lost(List<LimitCheck> checks, long mask) {
        List<LimitCheck> lost = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            if ((mask & (1L << i)) != 0) {
                lost.add(checks.get(i));
            }
        }
        return lost;
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Closes the connection before the connection factory stops (this bean depends on it, so it
     * stops first): a stopped factory shuts its client down, and a context that starts again (a
     * paused test context, say) opens a new connection on the new client at the next check.
     */
    @Override
    public void stop() {
        running = false;
        connecting.lock();
        try {
            NativeConnection<byte[], byte[]> open = shared;
            shared = null;
            if (open != null) {
                open.connection().close();
            }
        } finally {
            connecting.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops the batches' watchdog with the bean. */
    @Override
    public void close() {
        batches.close();
    }
}
