package dev.metricgate.usage.adapter.in.messaging;

import dev.metricgate.contracts.PlanChangeEvent;
import dev.metricgate.contracts.Topics;
import dev.metricgate.usage.application.ApplyPlanChange;
import dev.metricgate.usage.domain.Tenant;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Keeps the local tenant copy from plan-change events; each event id is applied once. */
@Component
class PlanChangeListener {

    static final String ID = "plan-changes";

    private final ApplyPlanChange applyPlanChange;
    private final DeadLetters deadLetters;
    private final JsonMapper json;

    PlanChangeListener(ApplyPlanChange applyPlanChange, DeadLetters deadLetters, JsonMapper json) {
        this.applyPlanChange = applyPlanChange;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    @KafkaListener(id = ID, groupId = "usage-service-plan-changes", topics = Topics.PLAN_CHANGES, batch = "true")
    void onBatch(List<ConsumerRecord<String, String>> records) {
        List<DeadLetters.Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            PlanChangeEvent event;
            List<Tenant> tenants;
            try {
                event = json.readValue(record.value(), PlanChangeEvent.class);
                tenants = event.tenants().stream()
                        .map(snapshot -> tenant(snapshot, event))
                        .toList();
            } catch (JacksonException | NullPointerException | IllegalArgumentException | DateTimeException e) {
                rejected.add(new DeadLetters.Rejected(record, e.getClass().getSimpleName() + ": " + e.getMessage()));
                continue;
            }
            applyPlanChange.apply(event.eventId(), tenants);
        }
        deadLetters.send(rejected);
    }

    private static Tenant tenant(PlanChangeEvent.TenantSnapshot snapshot, PlanChangeEvent event) {
        return new Tenant(
                snapshot.id(),
                snapshot.name(),
                snapshot.kind(),
                snapshot.parentId(),
                snapshot.level(),
                snapshot.status(),
                snapshot.timeZone() == null ? null : ZoneId.of(snapshot.timeZone()),
                snapshot.billingAnchorDay(),
                snapshot.monthlyQuota(),
                event.occurredAt());
    }
}
