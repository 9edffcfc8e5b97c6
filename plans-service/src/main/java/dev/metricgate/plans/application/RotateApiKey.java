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
import dev.metricgate.plans.domain.NotFoundException;
import dev.metricgate.plans.domain.PlanCatalog;
import dev.metricgate.plans.domain.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Issues a successor key; the old one stays valid until its grace period ends. */
public final class RotateApiKey {

    private final Transactions tx;
    private final ApiKeyRepository keys;
    private final PlanRepository plans;
    private final TenantAccess access;
    private final AuditLog audit;
    private final ChangeEvents events;
    private final Clock clock;

    public RotateApiKey(
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

    /** @param gracePeriod {@code null} for the default of one day */
    public ApiKeyView handle(UUID keyId, Duration gracePeriod, Caller caller) {
        return tx.write(() -> {
            Instant now = clock.instant();
            ApiKey old = keys.find(keyId).orElseThrow(() -> NotFoundException.apiKey(keyId));
            Hierarchy hierarchy = access.manageableTreeOfKey(caller, keyId, old.tenantId());
            Tenant tenant = hierarchy.get(old.tenantId());
            tenant.requireNotDeleted();
            ApiKeySecret secret = ApiKeySecret.generate();
            Instant expiresAt = old.expiresAt();
            ApiKey successor = ApiKey.issue(
                    UUID.randomUUID(),
                    old.tenantId(),
                    secret.prefix(),
                    old.name(),
                    ApiKeyHash.of(secret.plaintext()),
                    expiresAt != null && expiresAt.isAfter(now) ? expiresAt : null,
                    now);
            old.rotate(successor.id(), gracePeriod == null ? ApiKey.DEFAULT_GRACE : gracePeriod, now);
            keys.save(successor);
            keys.save(old);
            audit.append(new AuditEntry(
                    now,
                    caller.subject(),
                    "api_key.rotated",
                    "api_key",
                    old.id(),
                    old.tenantId(),
                    "successor=" + successor.id() + ", graceEndsAt=" + old.graceEndsAt()));
            events.record(
                    ChangeType.API_KEY_ROTATED,
                    now,
                    old.tenantId(),
                    null,
                    ChangeEvents.snapshots(hierarchy, new PlanCatalog(plans.findAll()), List.of(tenant)),
                    List.of(ChangeEvents.ref(old, now), ChangeEvents.ref(successor, now)));
            return new ApiKeyView(successor, successor.statusAt(now), secret.plaintext());
        });
    }
}
