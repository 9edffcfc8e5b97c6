package dev.metricgate.enforcement.adapter.out.kafka;

import dev.metricgate.contracts.Topics;
import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.enforcement.application.port.out.UsagePublisher;
import dev.metricgate.enforcement.application.port.out.UsageRecorder;
import dev.metricgate.enforcement.config.EnforcementProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes usage events. The usage stream relay hands over what the charge script metered and
 * waits for Kafka's acknowledgement ({@link #publish}, ADR 0018). A decision made without Redis (a
 * plan's failure mode, a plan without limits) is sent by its request thread, which waits for
 * Kafka's acknowledgement before the decision is answered ({@link #record}), so a process killed
 * right after has lost nothing it answered. Only when Kafka does not acknowledge within
 * {@code record-ack-wait} (Kafka down too) does the event wait in a bounded buffer: one sender
 * thread publishes it in batches, retrying (with a fresh producer) until Kafka answers; when the
 * buffer is full, new events are dropped and counted. Until the sender gets through again, further
 * events go straight to the buffer. Everything is keyed by tenant with the idempotent producer, the
 * event id in a header. A graceful shutdown drains the buffer before the producer closes.
 */
@Component
class KafkaUsageRecorder implements UsageRecorder, UsagePublisher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaUsageRecorder.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final KafkaTemplate<String, String> kafka;
    private final ProducerFactory<String, String> producers;
    private final JsonMapper json;
    private final ArrayBlockingQueue<UsageEvent> buffer;
    private final int batchSize;
    private final Duration shutdownDrain;
    private final Counter dropped;
    private final Counter published;
    private final Counter sendFailures;
    private final List<UsageEvent> retrying = new ArrayList<>();
    private volatile int retryingCount;
    private volatile boolean running;
    private volatile boolean draining;
    private volatile boolean kafkaAnswers = true;
    private final Duration ackWait;
    private final Counter buffered;
    private Thread sender;

    KafkaUsageRecorder(
            KafkaTemplate<String, String> kafka,
            ProducerFactory<String, String> producers,
            JsonMapper json,
            EnforcementProperties properties,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.producers = producers;
        this.json = json;
        this.buffer = new ArrayBlockingQueue<>(properties.usage().bufferCapacity());
        this.batchSize = properties.usage().batchSize();
        this.shutdownDrain = properties.usage().shutdownDrain();
        this.ackWait = properties.usage().recordAckWait();
        this.buffered = Counter.builder("metricgate.usage.buffered")
                .description("Usage events of decisions made without Redis that Kafka did not acknowledge in time,"
                        + " held in the local buffer")
                .register(meters);
        this.dropped = Counter.builder("metricgate.usage.dropped")
                .description("Usage events dropped because the local buffer was full")
                .register(meters);
        this.published = Counter.builder("metricgate.usage.published")
                .description("Usage events acknowledged by Kafka")
                .register(meters);
        this.sendFailures = Counter.builder("metricgate.usage.send.failures")
                .description("Usage event batches that Kafka did not acknowledge (retried)")
                .register(meters);
        Gauge.builder("metricgate.usage.backlog", this, KafkaUsageRecorder::backlog)
                .description("Usage events waiting to be published")
                .register(meters);
    }

    @Override
    public void record(UsageEvent event) {
        if (kafkaAnswers) {
            try {
                kafka.send(producerRecord(event)).get(ackWait.toNanos(), TimeUnit.NANOSECONDS);
                published.increment();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // not acknowledged in time: the buffer's sender retries it (a late acknowledgement of
                // this send is harmless, usage-service counts an event id once)
                kafkaAnswers = false;
                sendFailures.increment();
            }
        }
        buffered.increment();
        if (!buffer.offer(event)) {
            dropped.increment();
        }
    }

    @Override
    public void publish(List<UsageEvent> events) {
        List<UsageEvent> failed = send(events);
        if (!failed.isEmpty()) {
            sendFailures.increment();
            // a producer that lost its broker may hold stale metadata: the next batch gets a fresh one
            producers.reset();
            throw new UsageNotPublishedException(
                    failed.size() + " of " + events.size() + " usage events not acknowledged by Kafka");
        }
    }

    /** Events taken but not yet acknowledged, plus those still in the buffer. */
    public int backlog() {
        return buffer.size() + retryingCount;
    }

    @Override
    public synchronized void start() {
        running = true;
        draining = false;
        sender = Thread.ofPlatform().name("usage-sender").daemon(true).start(this::sendLoop);
    }

    @Override
    public void stop() {
        draining = true;
        Thread current = sender;
        if (current == null) {
            return;
        }
        try {
            current.join(shutdownDrain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
        current.interrupt();
        if (backlog() > 0) {
            log.warn("Shutting down with {} usage events unpublished", backlog());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the Kafka producer factory closes, and after the web server stopped taking calls. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void sendLoop() {
        long backoff = 100;
        while (running) {
            List<UsageEvent> batch = nextBatch();
            if (batch == null) {
                return;
            }
            if (batch.isEmpty()) {
                continue;
            }
            List<UsageEvent> failed = send(batch);
            synchronized (retrying) {
                retrying.clear();
                retrying.addAll(failed);
                retryingCount = failed.size();
            }
            if (failed.isEmpty()) {
                backoff = 100;
                kafkaAnswers = true;
            } else {
                sendFailures.increment();
                producers.reset();
                if (!sleep(backoff)) {
                    return;
                }
                backoff = Math.min(MAX_BACKOFF.toMillis(), backoff * 2);
            }
        }
    }

    /** The failed batch first; else up to a batch from the buffer; {@code null} when done draining. */
    private List<UsageEvent> nextBatch() {
        synchronized (retrying) {
            if (!retrying.isEmpty()) {
                return new ArrayList<>(retrying);
            }
        }
        List<UsageEvent> batch = new ArrayList<>(batchSize);
        try {
            UsageEvent first = buffer.poll(draining ? 0 : 100, TimeUnit.MILLISECONDS);
            if (first == null) {
                return draining ? null : batch;
            }
            batch.add(first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        buffer.drainTo(batch, batchSize - 1);
        synchronized (retrying) {
            retrying.addAll(batch);
            retryingCount = retrying.size();
        }
        return batch;
    }

    private List<UsageEvent> send(List<UsageEvent> batch) {
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        List<UsageEvent> failed = new ArrayList<>();
        for (UsageEvent event : batch) {
            try {
                acks.add(kafka.send(producerRecord(event)));
            } catch (RuntimeException e) {
                acks.add(CompletableFuture.failedFuture(e));
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
                published.increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.addAll(batch.subList(i, batch.size()));
                return failed;
            } catch (Exception e) {
                failed.add(batch.get(i));
            }
        }
        if (!failed.isEmpty()) {
            log.warn("{} of {} usage events not acknowledged by Kafka, retrying", failed.size(), batch.size());
        }
        return failed;
    }

    private ProducerRecord<String, String> producerRecord(UsageEvent event) {
        var record =
                new ProducerRecord<>(Topics.USAGE_EVENTS, event.tenantId().toString(), json.writeValueAsString(event));
        record.headers().add(Topics.EVENT_ID_HEADER, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
