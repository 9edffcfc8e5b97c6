package dev.metricgate.usage.adapter.in.messaging;

import dev.metricgate.contracts.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends records that can never be processed to {@code <topic>.dlt}, unchanged, with the usual
 * spring-kafka headers saying where they came from and why they were rejected.
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, String> kafka;

    DeadLetters(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    /** Sends every rejected record and waits until the broker acknowledged all of them. */
    void send(List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        var sends = rejected.stream().map(this::send).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            throw new IllegalStateException("dead-letter topic did not acknowledge", e);
        }
    }

    private CompletableFuture<?> send(Rejected rejected) {
        ConsumerRecord<String, String> source = rejected.record();
        log.warn("Dead-lettering {}-{}@{}: {}", source.topic(), source.partition(), source.offset(), rejected.reason());
        var record = new ProducerRecord<>(
                source.topic() + Topics.DEAD_LETTER_SUFFIX, null, source.key(), source.value(), source.headers());
        record.headers()
                .add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes(source.topic()))
                .add(
                        KafkaHeaders.DLT_ORIGINAL_PARTITION,
                        ByteBuffer.allocate(4).putInt(source.partition()).array())
                .add(
                        KafkaHeaders.DLT_ORIGINAL_OFFSET,
                        ByteBuffer.allocate(8).putLong(source.offset()).array())
                .add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes(rejected.reason()));
        return kafka.send(record);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    record Rejected(ConsumerRecord<String, String> record, String reason) {}
}
