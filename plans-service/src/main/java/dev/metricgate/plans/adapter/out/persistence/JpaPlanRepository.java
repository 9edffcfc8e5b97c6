package dev.metricgate.plans.adapter.out.persistence;

import dev.metricgate.plans.adapter.out.persistence.PlanJpaEntity.RouteLimitEmbeddable;
import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.domain.FailureMode;
import dev.metricgate.plans.domain.Limits;
import dev.metricgate.plans.domain.Plan;
import dev.metricgate.plans.domain.RateLimit;
import dev.metricgate.plans.domain.RouteLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

@Component
class JpaPlanRepository implements PlanRepository {

    private final PlanSpringDataRepository repository;

    JpaPlanRepository(PlanSpringDataRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Plan> find(UUID id) {
        return repository.findById(id).map(JpaPlanRepository::toDomain);
    }

    @Override
    public List<Plan> findAll() {
        return repository.findAll(Sort.by("name", "id")).stream()
                .map(JpaPlanRepository::toDomain)
                .toList();
    }

    @Override
    public void save(Plan plan) {
        PlanJpaEntity entity = repository.findById(plan.id()).orElseGet(PlanJpaEntity::new);
        entity.id = plan.id();
        entity.name = plan.name();
        entity.parentPlanId = plan.parentPlanId();
        entity.ownerTenantId = plan.ownerTenantId();
        Limits limits = plan.limits();
        entity.requestsPerSecond =
                limits.rateLimit() == null ? null : limits.rateLimit().requestsPerSecond();
        entity.burst = limits.rateLimit() == null ? null : limits.rateLimit().burst();
        entity.monthlyQuota = limits.monthlyQuota();
        entity.routeLimitsSet = limits.routeLimits() != null;
        entity.routeLimits.clear();
        if (limits.routeLimits() != null) {
            for (RouteLimit limit : limits.routeLimits()) {
                var embeddable = new RouteLimitEmbeddable();
                embeddable.route = limit.route();
                embeddable.requestsPerSecond = limit.requestsPerSecond();
                embeddable.burst = limit.burst();
                entity.routeLimits.add(embeddable);
            }
        }
        entity.failureMode =
                limits.failureMode() == null ? null : limits.failureMode().name();
        entity.shadow = limits.shadow();
        entity.createdAt = plan.createdAt();
        entity.updatedAt = plan.updatedAt();
        repository.saveAndFlush(entity);
    }

    @Override
    public void delete(UUID id) {
        repository.deleteById(id);
        repository.flush();
    }

    static Plan toDomain(PlanJpaEntity e) {
        List<RouteLimit> routes = null;
        if (e.routeLimitsSet) {
            routes = new ArrayList<>();
            for (RouteLimitEmbeddable r : e.routeLimits) {
                routes.add(new RouteLimit(r.route, r.requestsPerSecond, r.burst));
            }
        }
        Limits limits = new Limits(
                e.requestsPerSecond == null ? null : new RateLimit(e.requestsPerSecond, e.burst),
                e.monthlyQuota,
                routes,
                e.failureMode == null ? null : FailureMode.valueOf(e.failureMode),
                e.shadow);
        return new Plan(e.id, e.name, e.parentPlanId, e.ownerTenantId, limits, e.createdAt, e.updatedAt);
    }
}
