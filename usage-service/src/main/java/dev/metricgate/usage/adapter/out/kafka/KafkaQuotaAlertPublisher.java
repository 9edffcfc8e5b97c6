package dev.metricgate.usage.adapter.out.kafka;

import dev.metricgate.contracts.QuotaAlertEvent;
import dev.metricgate.contracts.Topics;
import dev.metricgate.usage.application.QuotaAlertEvents;
import dev.metricgate.usage.application.port.out.QuotaAlertPublisher;
import dev.metricgate.usage.domain.QuotaAlert;
import dev.metricgate.usage.domain.QuotaThreshold;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Alerts as {@link QuotaAlertEvent} JSON, keyed by tenant id, with the event id header. */
@Component
class KafkaQuotaAlertPublisher implements QuotaAlertPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final Map<QuotaThreshold, Counter> published = new EnumMap<>(QuotaThreshold.class);

    KafkaQuotaAlertPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, MeterRegistry meters) {
        this.kafka = kafka;
        this.json = json;
        for (QuotaThreshold threshold : QuotaThreshold.values()) {
            published.put(
                    threshold,
                    Counter.builder("metricgate.quota.alerts")
                            .description("Quota alerts published, by threshold")
                            .tag("threshold", Integer.toString(threshold.percent()))
                            .register(meters));
        }
    }

    @Override
    public void publish(QuotaAlert alert) {
        QuotaAlertEvent event = QuotaAlertEvents.of(alert);
        var record = new ProducerRecord<String, String>(
                Topics.QUOTA_ALERTS, alert.tenantId().toString(), json.writeValueAsString(event));
        record.headers().add(Topics.EVENT_ID_HEADER, alert.id().toString().getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
            published.get(alert.threshold()).increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing quota alert " + alert.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("quota alert " + alert.id() + " was not acknowledged", e);
        }
    }
}
