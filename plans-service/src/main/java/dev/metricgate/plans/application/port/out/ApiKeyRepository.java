package dev.metricgate.plans.application.port.out;

import dev.metricgate.plans.domain.ApiKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ApiKeyRepository {

    Optional<ApiKey> find(UUID id);

    Optional<ApiKey> findByHash(String keyHash);

    /** The tenant's keys, newest first. */
    List<ApiKey> byTenant(UUID tenantId);

    void save(ApiKey key);
}
