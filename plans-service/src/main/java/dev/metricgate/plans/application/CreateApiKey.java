package dev.metricgate.plans.application;

import dev.metricgate.contracts.ApiKeyHash;
import dev.metricgate.contracts.PlanChangeEvent.ChangeType;
import dev.metricgate.plans.application.port.out.ApiKeyRepository;
import dev.metricgate.plans.application.port.out.AuditLog;
import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.ApiKey;
import dev.metricgate.plans.domain.ApiKeySecret;
import dev.metricgate.plans.domain.Hierarchy;
import dev.metricgate.plans.domain.PlanCatalog;
import dev.metricgate.plans.domain.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Issues a key; its plaintext is in the returned view and nowhere else. */
public final class CreateApiKey {

    public record CreateApiKeyCommand(UUID tenantId, String name, Instant expiresAt) {}

    private final Transactions tx;
    private final ApiKeyRepository keys;
    private final PlanRepository plans;
    private final TenantAccess access;
    private final AuditLog audit;
    private final ChangeEvents events;
    private final Clock clock;

    public CreateApiKey(
            Transactions tx,
            ApiKeyRepository keys,
            PlanRepository plans,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        this.tx = tx;
        this.keys = keys;
        this.plans = plans;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public ApiKeyView handle(CreateApiKeyCommand command, Caller caller) {
        return tx.write(() -> {
            Instant now = clock.instant();
            Hierarchy hierarchy = access.manageableTree(caller, command.tenantId());
            Tenant tenant = hierarchy.get(command.tenantId());
            tenant.requireNotDeleted();
            ApiKeySecret secret = ApiKeySecret.generate();
            ApiKey key = ApiKey.issue(
                    UUID.randomUUID(),
                    tenant.id(),
                    secret.prefix(),
                    command.name(),
                    ApiKeyHash.of(secret.plaintext()),
                    command.expiresAt(),
                    now);
            keys.save(key);
            audit.append(new AuditEntry(
                    now,
                    caller.subject(),
                    "api_key.created",
                    "api_key",
                    key.id(),
                    tenant.id(),
                    "prefix=" + key.prefix() + ", name=" + key.name() + ", expiresAt=" + key.expiresAt()));
            PlanCatalog catalog = new PlanCatalog(plans.findAll());
            events.record(
                    ChangeType.API_KEY_CREATED,
                    now,
                    tenant.id(),
                    null,
                    ChangeEvents.snapshots(hierarchy, catalog, List.of(tenant)),
                    List.of(ChangeEvents.ref(key, now)));
            return new ApiKeyView(key, key.statusAt(now), secret.plaintext());
        });
    }
}
