package dev.metricgate.enforcement.adapter.out.redis;

import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.enforcement.application.port.out.UsagePublisher;
import dev.metricgate.enforcement.config.EnforcementProperties;
import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XTrimArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Forwards the usage streams the charge script writes to usage-service's topic, and trims from a
 * stream only what Kafka acknowledged (ADR 0018). A stream entry is deleted after its events are in
 * Kafka, so a process that dies at any moment leaves its decisions either in Redis (sent by the next
 * relay that sees them) or in Kafka; an entry sent twice carries the same event ids, which
 * usage-service counts once.
 *
 * <p>One platform thread per instance. Every {@code relayInterval} it drains the streams this
 * instance wrote to; every {@code relaySweep}, and once at start, it drains every usage stream in
 * Redis, so what a dead instance left behind is sent by the others or by itself after a restart.
 */
@Component
class RedisUsageRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisUsageRelay.class);
    private static final long MAX_BACKOFF_NANOS = Duration.ofSeconds(2).toNanos();

    private final LettuceConnectionFactory factory;
    private final UsagePublisher publisher;
    private final boolean cluster;
    private final EnforcementProperties.Usage settings;
    private final Set<Integer> written = ConcurrentHashMap.newKeySet();
    private final Counter relayed;
    private final Counter undecodable;
    private volatile boolean running;
    private Thread thread;
    private NativeConnection<String, String> connection;

    RedisUsageRelay(
            LettuceConnectionFactory factory,
            UsagePublisher publisher,
            EnforcementProperties properties,
            MeterRegistry meters) {
        this.factory = factory;
        this.publisher = publisher;
        this.cluster = factory.isClusterAware();
        this.settings = properties.usage();
        this.relayed = Counter.builder("metricgate.usage.relayed")
                .description("Metered decisions forwarded from the usage streams to Kafka")
                .register(meters);
        this.undecodable = Counter.builder("metricgate.usage.undecodable")
                .description("Usage stream entries that could not be read (logged and dropped)")
                .register(meters);
    }

    /** The charge script of {@code lane} wrote (or may have written) to its usage stream. */
    void written(int lane) {
        written.add(lane);
    }

    @Override
    public synchronized void start() {
        if (!settings.relayEnabled() || running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("usage-relay").daemon(true).start(this::relayLoop);
    }

    /** Stops after a last pass over the streams this instance wrote to (bounded by the drain time). */
    @Override
    public synchronized void stop() {
        running = false;
        Thread current = thread;
        if (current == null) {
            return;
        }
        LockSupport.unpark(current);
        try {
            current.join(settings.shutdownDrain().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.interrupt();
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the Kafka producer (the publisher stops a phase later) and after the web server. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4095;
    }

    private void relayLoop() {
        long backoff = settings.relayInterval().toNanos();
        long nextSweep = System.nanoTime();
        while (running) {
            try {
                if (System.nanoTime() - nextSweep >= 0) {
                    sweep();
                    nextSweep = System.nanoTime() + settings.relaySweep().toNanos();
                }
                relayWritten();
                backoff = settings.relayInterval().toNanos();
                LockSupport.parkNanos(backoff);
            } catch (RuntimeException e) {
                log.warn("Usage relay failed, retrying: {}", e.toString());
                disconnect();
                LockSupport.parkNanos(backoff);
                backoff = Math.min(MAX_BACKOFF_NANOS, backoff * 2);
            }
        }
        try {
            relayWritten();
        } catch (RuntimeException e) {
            log.warn("Usage relay stopped before its last pass; the next relay sends the rest: {}", e.toString());
        } finally {
            disconnect();
        }
    }

    private void relayWritten() {
        for (Integer lane : List.copyOf(written)) {
            written.remove(lane);
            try {
                drain(cluster ? RedisKeys.usageStream(lane) : RedisKeys.USAGE_STREAM);
            } catch (RuntimeException e) {
                written.add(lane);
                throw e;
            }
        }
    }

    /** Every usage stream in Redis: on Cluster a scan of every master, else the one stream. */
    private void sweep() {
        if (!cluster) {
            drain(RedisKeys.USAGE_STREAM);
            return;
        }
        ScanIterator<String> streams = ScanIterator.scan(
                commands(),
                KeyScanArgs.Builder.type("stream")
                        .match(RedisKeys.USAGE_STREAM_PATTERN)
                        .limit(1000));
        while (streams.hasNext()) {
            drain(streams.next());
        }
    }

    /** Sends a stream's entries to Kafka, oldest first, and trims each batch once acknowledged. */
    private void drain(String stream) {
        RedisClusterCommands<String, String> commands = commands();
        while (true) {
            List<StreamMessage<String, String>> entries =
                    commands.xrange(stream, Range.unbounded(), Limit.from(settings.relayBatchSize()));
            if (entries.isEmpty()) {
                return;
            }
            List<UsageEvent> events = new ArrayList<>(entries.size() * 4);
            for (StreamMessage<String, String> entry : entries) {
                decode(entry, events);
            }
            if (!events.isEmpty()) {
                publisher.publish(events);
                relayed.increment(events.size());
            }
            commands.xtrim(
                    stream, XTrimArgs.Builder.minId(following(entries.getLast().getId())));
            if (entries.size() < settings.relayBatchSize()) {
                return;
            }
        }
    }

    /** An entry holds one call's decisions: field {@code <n>:<verdict>:<deniedIndex>}, value the record. */
    private void decode(StreamMessage<String, String> entry, List<UsageEvent> into) {
        for (Map.Entry<String, String> decision : entry.getBody().entrySet()) {
            try {
                String[] fields = decision.getKey().split(":");
                int verdict = Integer.parseInt(fields[1]);
                int deniedIndex = Integer.parseInt(fields[2]);
                into.add(StreamedUsage.decode(decision.getValue(), verdict, deniedIndex));
            } catch (RuntimeException e) {
                undecodable.increment();
                log.error(
                        "Usage stream entry {} field {} cannot be read; dropped", entry.getId(), decision.getKey(), e);
            }
        }
    }

    /** The smallest stream id after {@code id} ({@code <ms>-<seq>}): XTRIM MINID keeps it and later. */
    private static String following(String id) {
        int dash = id.indexOf('-');
        return id.substring(0, dash) + "-" + (Long.parseLong(id.substring(dash + 1)) + 1);
    }

    private RedisClusterCommands<String, String> commands() {
        if (connection == null) {
            connection = NativeConnection.open(factory, StringCodec.UTF8);
        }
        return connection.sync();
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.connection().close();
            } catch (RuntimeException e) {
                log.debug("Closing the relay's connection failed", e);
            }
        }
        connection = null;
    }
}
