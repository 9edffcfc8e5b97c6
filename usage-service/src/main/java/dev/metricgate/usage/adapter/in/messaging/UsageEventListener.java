package dev.metricgate.usage.adapter.in.messaging;

import dev.metricgate.contracts.Topics;
import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.usage.application.RecordUsage;
import dev.metricgate.usage.domain.InvalidUsageEventException;
import dev.metricgate.usage.domain.Outcome;
import dev.metricgate.usage.domain.UsageRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes usage events in batches. The batch is stored in one database transaction and the
 * container commits the offsets only after this method returns (ack mode BATCH), so a crash in
 * between redelivers the batch and the event-id key skips what was stored. Records that can never
 * be stored go to the dead-letter topic; the rest of their batch is stored.
 */
@Component
class UsageEventListener {

    static final String ID = "usage-events";

    private final RecordUsage recordUsage;
    private final DeadLetters deadLetters;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Timer storeTimer;
    private final Map<Integer, AtomicLong> lagByPartition = new ConcurrentHashMap<>();

    UsageEventListener(RecordUsage recordUsage, DeadLetters deadLetters, JsonMapper json, MeterRegistry meters) {
        this.recordUsage = recordUsage;
        this.deadLetters = deadLetters;
        this.json = json;
        this.meters = meters;
        this.stored = counter(meters, "stored");
        this.duplicates = counter(meters, "duplicate");
        this.deadLettered = counter(meters, "dead_lettered");
        this.storeTimer = Timer.builder("metricgate.usage.ingest.store")
                .description("Storing one batch of usage events with its rollups, in one transaction")
                .register(meters);
    }

    @KafkaListener(
            id = ID,
            groupId = "usage-service",
            topics = Topics.USAGE_EVENTS,
            batch = "true",
            concurrency = "${metricgate.usage.ingest.concurrency:3}")
    void onBatch(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        List<UsageRecord> valid = new ArrayList<>(records.size());
        List<DeadLetters.Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                UsageRecord usage = parse(record.value());
                recordUsage
                        .rejection(usage)
                        .ifPresentOrElse(
                                reason -> rejected.add(new DeadLetters.Rejected(record, reason)),
                                () -> valid.add(usage));
            } catch (JacksonException
                    | InvalidUsageEventException
                    | NullPointerException
                    | IllegalArgumentException e) {
                rejected.add(new DeadLetters.Rejected(record, e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        RecordUsage.Result result = storeTimer.record(() -> recordUsage.record(valid));
        deadLetters.send(rejected);
        stored.increment(result.stored());
        duplicates.increment(result.duplicates());
        deadLettered.increment(rejected.size());
        updateLag(consumer);
    }

    private UsageRecord parse(String value) {
        if (value == null) {
            throw new InvalidUsageEventException("record has no value");
        }
        UsageEvent event = json.readValue(value, UsageEvent.class);
        return new UsageRecord(
                event.eventId(),
                event.occurredAt(),
                event.tenantId(),
                event.apiKeyId(),
                event.route(),
                event.cost(),
                Outcome.valueOf(event.outcome().name()),
                event.chain());
    }

    /** Records behind the end of each assigned partition, as the consumer last saw it. */
    private void updateLag(Consumer<?, ?> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition)
                    .ifPresent(lag -> lagByPartition
                            .computeIfAbsent(partition.partition(), this::registerLagGauge)
                            .set(lag));
        }
    }

    private AtomicLong registerLagGauge(int partition) {
        AtomicLong lag = new AtomicLong();
        Gauge.builder("metricgate.usage.consumer.lag", lag, AtomicLong::get)
                .description("Usage events not yet consumed, per partition")
                .tag("topic", Topics.USAGE_EVENTS)
                .tag("partition", Integer.toString(partition))
                .baseUnit("records")
                .register(meters);
        return lag;
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("metricgate.usage.events")
                .description("Usage events consumed, by what became of them")
                .tag("result", result)
                .register(meters);
    }
}
