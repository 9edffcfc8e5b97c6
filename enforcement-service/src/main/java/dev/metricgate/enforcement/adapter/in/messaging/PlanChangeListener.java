package dev.metricgate.enforcement.adapter.in.messaging;

import dev.metricgate.contracts.PlanChangeEvent;
import dev.metricgate.contracts.Topics;
import dev.metricgate.enforcement.application.EvictKeyResolutions;
import dev.metricgate.enforcement.application.MoveTenantCounters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * plans-service's change events become evictions: the changed keys by hash, and every cached entry
 * depending on an affected tenant (the changed tenant and its subtree). One consumer group for all
 * instances; the Pub/Sub fan-out reaches every instance's in-process cache. A move into another
 * tree also moves the subtree's counters to the new root (ADR 0016).
 */
@Component
class PlanChangeListener {

    private static final Logger log = LoggerFactory.getLogger(PlanChangeListener.class);

    private final EvictKeyResolutions evictions;
    private final MoveTenantCounters counters;
    private final JsonMapper json;

    PlanChangeListener(EvictKeyResolutions evictions, MoveTenantCounters counters, JsonMapper json) {
        this.evictions = evictions;
        this.counters = counters;
        this.json = json;
    }

    @KafkaListener(
            id = "plan-changes",
            topics = Topics.PLAN_CHANGES,
            groupId = "${metricgate.enforcement.plan-changes-group:enforcement-service}")
    void onPlanChange(String payload) {
        PlanChangeEvent event;
        try {
            event = json.readValue(payload, PlanChangeEvent.class);
        } catch (JacksonException e) {
            log.warn("Skipping an unreadable plan change event: {}", e.getOriginalMessage());
            return;
        }
        if (event == null) {
            return;
        }
        List<String> hashes = event.apiKeys().stream()
                .map(PlanChangeEvent.ApiKeyRef::keyHash)
                .filter(hash -> hash != null && !hash.isBlank())
                .toList();
        Set<UUID> tenants = new LinkedHashSet<>();
        if (keyOnly(event.type())) {
            // a key's own change touches only that key's entry
            evictions.evict(hashes, tenants);
            return;
        }
        if (event.tenantId() != null) {
            tenants.add(event.tenantId());
        }
        event.tenants().forEach(tenant -> tenants.add(tenant.id()));
        evictions.evict(hashes, tenants);
        if (event.type() == PlanChangeEvent.ChangeType.TENANT_MOVED && event.move() != null) {
            // after the evictions: from here on checks charge under the new root, and what they
            // charge meanwhile is added to, not overwritten
            counters.move(event.move().fromRootId(), event.move().toRootId(), tenants);
        }
    }

    private static boolean keyOnly(PlanChangeEvent.ChangeType type) {
        return switch (type) {
            case API_KEY_CREATED, API_KEY_ROTATED, API_KEY_REVOKED -> true;
            default -> false;
        };
    }
}
