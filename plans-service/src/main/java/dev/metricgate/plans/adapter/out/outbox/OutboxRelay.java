package dev.metricgate.plans.adapter.out.outbox;

import dev.metricgate.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows in id order, in bounded batches, then marks them published; deletes
 * published rows after the retention. One relay at a time holds the relay advisory lock, so rows
 * go out in commit order (writers allocate ids under the change lock). Delivery is at least once:
 * a crash between send and mark re-sends the batch, and consumers deduplicate by event id.
 */
@Component
class OutboxRelay {

    private static final long RELAY_LOCK = 0x6d67_6f75_7462_6f78L;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate tx;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Counter published;

    OutboxRelay(
            JdbcTemplate jdbc,
            KafkaTemplate<String, String> kafka,
            PlatformTransactionManager transactionManager,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.tx = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("metricgate.outbox.published")
                .description("Change events published to Kafka")
                .register(meters);
        Gauge.builder("metricgate.outbox.pending", jdbc, OutboxRelay::pending)
                .description("Change events committed but not yet published")
                .register(meters);
    }

    private static double pending(JdbcTemplate jdbc) {
        Long pending = jdbc.queryForObject("select count(*) from outbox_events where published_at is null", Long.class);
        return pending == null ? 0 : pending;
    }

    @Scheduled(fixedDelayString = "${metricgate.outbox.poll-interval-millis:100}")
    void publishPending() {
        try {
            while (Boolean.TRUE.equals(tx.execute(status -> publishBatch()))) {
                log.debug("Outbox batch full, publishing the next one");
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay could not publish; retrying on the next run", e);
        }
    }

    @Scheduled(fixedDelayString = "${metricgate.outbox.cleanup-interval-millis:60000}")
    void deletePublished() {
        int deleted = jdbc.update(
                "delete from outbox_events where published_at < ?",
                Timestamp.from(clock.instant().minus(properties.retention())));
        if (deleted > 0) {
            log.info("Deleted {} published outbox rows", deleted);
        }
    }

    /** @return whether the batch was full (more rows may be waiting) */
    private boolean publishBatch() {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
        if (!Boolean.TRUE.equals(locked)) {
            return false;
        }
        List<Row> rows = jdbc.query(
                "select id, event_id, topic, message_key, payload::text as payload from outbox_events"
                        + " where published_at is null order by id limit ?",
                (rs, i) -> new Row(
                        rs.getLong("id"),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("topic"),
                        rs.getString("message_key"),
                        rs.getString("payload")),
                properties.batchSize());
        if (rows.isEmpty()) {
            return false;
        }
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
        for (Row row : rows) {
            var record = new ProducerRecord<String, String>(row.topic(), row.key(), row.payload());
            record.headers()
                    .add(Topics.EVENT_ID_HEADER, row.eventId().toString().getBytes(StandardCharsets.UTF_8));
            sends.add(kafka.send(record));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
        }
        jdbc.batchUpdate(
                "update outbox_events set published_at = now() where id = ?",
                rows.stream().map(row -> new Object[] {row.id()}).toList());
        published.increment(rows.size());
        return rows.size() == properties.batchSize();
    }

    private record Row(long id, UUID eventId, String topic, String key, String payload) {}
}
