package dev.metricgate.plans.application;

import dev.metricgate.contracts.PlanChangeEvent.ChangeType;
import dev.metricgate.plans.application.port.out.ApiKeyRepository;
import dev.metricgate.plans.application.port.out.AuditLog;
import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.ApiKey;
import dev.metricgate.plans.domain.Hierarchy;
import dev.metricgate.plans.domain.NotFoundException;
import dev.metricgate.plans.domain.PlanCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Revokes a key at once; revoking it again changes nothing. */
public final class RevokeApiKey {

    private final Transactions tx;
    private final ApiKeyRepository keys;
    private final PlanRepository plans;
    private final TenantAccess access;
    private final AuditLog audit;
    private final ChangeEvents events;
    private final Clock clock;

    public RevokeApiKey(
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

    public void handle(UUID keyId, Caller caller) {
        tx.write(() -> {
            Instant now = clock.instant();
            ApiKey key = keys.find(keyId).orElseThrow(() -> NotFoundException.apiKey(keyId));
            Hierarchy hierarchy = access.manageableTreeOfKey(caller, keyId, key.tenantId());
            if (!key.revoke(now)) {
                return null;
            }
            keys.save(key);
            audit.append(new AuditEntry(
                    now,
                    caller.subject(),
                    "api_key.revoked",
                    "api_key",
                    key.id(),
                    key.tenantId(),
                    "prefix=" + key.prefix()));
            events.record(
                    ChangeType.API_KEY_REVOKED,
                    now,
                    key.tenantId(),
                    null,
                    ChangeEvents.snapshots(
                            hierarchy, new PlanCatalog(plans.findAll()), List.of(hierarchy.get(key.tenantId()))),
                    List.of(ChangeEvents.ref(key, now)));
            return null;
        });
    }
}
