package dev.metricgate.plans.adapter.out.persistence;

import dev.metricgate.plans.application.AuditEntry;
import dev.metricgate.plans.application.Page;
import dev.metricgate.plans.application.port.out.AuditLog;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

@Component
class JpaAuditLog implements AuditLog {

    private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

    private final AuditEventSpringDataRepository repository;

    JpaAuditLog(AuditEventSpringDataRepository repository) {
        this.repository = repository;
    }

    @Override
    public void append(AuditEntry entry) {
        AuditEventJpaEntity entity = new AuditEventJpaEntity();
        entity.occurredAt = entry.occurredAt();
        entity.actor = entry.actor();
        entity.action = entry.action();
        entity.targetType = entry.targetType();
        entity.targetId = entry.targetId();
        entity.tenantId = entry.tenantId();
        entity.summary = entry.summary();
        repository.saveAndFlush(entity);
    }

    @Override
    public Page<AuditEntry> find(Collection<UUID> tenantIds, Instant from, Instant to, int page, int size) {
        Instant start = from == null ? BEGINNING : from;
        Instant end = to == null ? END : to;
        var pageable = PageRequest.of(page, size);
        var result = tenantIds == null
                ? repository.findAll(start, end, pageable)
                : repository.findForTenants(tenantIds, start, end, pageable);
        return new Page<>(
                result.getContent().stream()
                        .map(e -> new AuditEntry(
                                e.occurredAt, e.actor, e.action, e.targetType, e.targetId, e.tenantId, e.summary))
                        .toList(),
                page,
                size,
                result.getTotalElements());
    }
}
