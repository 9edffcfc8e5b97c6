package dev.metricgate.plans.application.port.out;

import dev.metricgate.plans.domain.Plan;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface PlanRepository {

    Optional<Plan> find(UUID id);

    List<Plan> findAll();

    void save(Plan plan);

    void delete(UUID id);
}
