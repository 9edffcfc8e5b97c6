package dev.metricgate.plans.adapter.out.persistence;

import dev.metricgate.plans.application.port.out.ApiKeyRepository;
import dev.metricgate.plans.domain.ApiKey;
import dev.metricgate.plans.domain.ApiKeyStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class JpaApiKeyRepository implements ApiKeyRepository {

    private final ApiKeySpringDataRepository repository;

    JpaApiKeyRepository(ApiKeySpringDataRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<ApiKey> find(UUID id) {
        return repository.findById(id).map(JpaApiKeyRepository::toDomain);
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return repository.findByKeyHash(keyHash).map(JpaApiKeyRepository::toDomain);
    }

    @Override
    public List<ApiKey> byTenant(UUID tenantId) {
        return repository.findByTenantIdOrderByCreatedAtDesc(tenantId).stream()
                .map(JpaApiKeyRepository::toDomain)
                .toList();
    }

    @Override
    public void save(ApiKey key) {
        ApiKeyJpaEntity entity = new ApiKeyJpaEntity();
        entity.id = key.id();
        entity.tenantId = key.tenantId();
        entity.prefix = key.prefix();
        entity.name = key.name();
        entity.keyHash = key.keyHash();
        entity.status = key.storedStatus().name();
        entity.createdAt = key.createdAt();
        entity.expiresAt = key.expiresAt();
        entity.graceEndsAt = key.graceEndsAt();
        entity.revokedAt = key.revokedAt();
        entity.replacedBy = key.replacedBy();
        repository.saveAndFlush(entity);
    }

    static ApiKey toDomain(ApiKeyJpaEntity e) {
        return new ApiKey(
                e.id,
                e.tenantId,
                e.prefix,
                e.name,
                e.keyHash,
                ApiKeyStatus.valueOf(e.status),
                e.createdAt,
                e.expiresAt,
                e.graceEndsAt,
                e.revokedAt,
                e.replacedBy);
    }
}
