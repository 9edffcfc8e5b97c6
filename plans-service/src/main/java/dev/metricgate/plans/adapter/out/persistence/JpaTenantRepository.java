package dev.metricgate.plans.adapter.out.persistence;

import dev.metricgate.plans.application.Page;
import dev.metricgate.plans.application.port.out.TenantRepository;
import dev.metricgate.plans.domain.Tenant;
import dev.metricgate.plans.domain.TenantKind;
import dev.metricgate.plans.domain.TenantStatus;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

@Component
class JpaTenantRepository implements TenantRepository {

    private final TenantSpringDataRepository repository;

    JpaTenantRepository(TenantSpringDataRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Tenant> find(UUID id) {
        return repository.findById(id).map(JpaTenantRepository::toDomain);
    }

    @Override
    public List<Tenant> treeOf(UUID id) {
        return repository.treeOf(id).stream().map(JpaTenantRepository::toDomain).toList();
    }

    @Override
    public List<Tenant> treesUsingPlans(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return repository.treesUsingPlans(planIds).stream()
                .map(JpaTenantRepository::toDomain)
                .toList();
    }

    @Override
    public Page<Tenant> children(UUID parentId, int page, int size) {
        var pageable = PageRequest.of(page, size, Sort.by("name", "id"));
        var result = parentId == null
                ? repository.findByParentIdIsNullAndStatusNot(TenantStatus.DELETED.name(), pageable)
                : repository.findByParentIdAndStatusNot(parentId, TenantStatus.DELETED.name(), pageable);
        return new Page<>(
                result.getContent().stream().map(JpaTenantRepository::toDomain).toList(),
                page,
                size,
                result.getTotalElements());
    }

    @Override
    public boolean isPlanAssigned(UUID planId) {
        return repository.existsByPlanId(planId);
    }

    @Override
    public void save(Tenant tenant) {
        TenantJpaEntity entity = new TenantJpaEntity();
        entity.id = tenant.id();
        entity.name = tenant.name();
        entity.kind = tenant.kind().name();
        entity.parentId = tenant.parentId();
        entity.status = tenant.status().name();
        entity.planId = tenant.planId();
        entity.timeZone = tenant.timeZone();
        entity.billingAnchorDay = tenant.billingAnchorDay();
        entity.createdAt = tenant.createdAt();
        entity.updatedAt = tenant.updatedAt();
        repository.saveAndFlush(entity);
    }

    static Tenant toDomain(TenantJpaEntity e) {
        return new Tenant(
                e.id,
                e.name,
                TenantKind.valueOf(e.kind),
                e.parentId,
                TenantStatus.valueOf(e.status),
                e.planId,
                e.timeZone,
                e.billingAnchorDay,
                e.createdAt,
                e.updatedAt);
    }
}
