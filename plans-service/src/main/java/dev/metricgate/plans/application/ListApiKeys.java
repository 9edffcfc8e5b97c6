package dev.metricgate.plans.application;

import dev.metricgate.plans.application.port.out.ApiKeyRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tenant's keys without their secrets. */
public final class ListApiKeys {

    private final Transactions tx;
    private final ApiKeyRepository keys;
    private final TenantAccess access;
    private final Clock clock;

    public ListApiKeys(Transactions tx, ApiKeyRepository keys, TenantAccess access, Clock clock) {
        this.tx = tx;
        this.keys = keys;
        this.access = access;
        this.clock = clock;
    }

    public List<ApiKeyView> handle(UUID tenantId, Caller caller) {
        return tx.read(() -> {
            access.visibleTree(caller, tenantId);
            Instant now = clock.instant();
            return keys.byTenant(tenantId).stream()
                    .map(key -> new ApiKeyView(key, key.statusAt(now), null))
                    .toList();
        });
    }
}
