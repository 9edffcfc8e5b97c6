package dev.metricgate.plans.application;

import dev.metricgate.contracts.KeyResolution;
import dev.metricgate.contracts.KeyResolution.EffectiveLimits;
import dev.metricgate.contracts.KeyResolution.RouteLimit;
import dev.metricgate.contracts.KeyResolution.TenantLevel;
import dev.metricgate.plans.application.port.out.ApiKeyRepository;
import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.TenantRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.ApiKey;
import dev.metricgate.plans.domain.ApiKeyStatus;
import dev.metricgate.plans.domain.Hierarchy;
import dev.metricgate.plans.domain.NotFoundException;
import dev.metricgate.plans.domain.PlanCatalog;
import dev.metricgate.plans.domain.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Enforcement's cache miss: a key hash to its status, tenant chain and effective limits per level. */
public final class ResolveApiKey {

    private final Transactions tx;
    private final ApiKeyRepository keys;
    private final TenantRepository tenants;
    private final PlanRepository plans;
    private final Clock clock;

    public ResolveApiKey(
            Transactions tx, ApiKeyRepository keys, TenantRepository tenants, PlanRepository plans, Clock clock) {
        this.tx = tx;
        this.keys = keys;
        this.tenants = tenants;
        this.plans = plans;
        this.clock = clock;
    }

    public KeyResolution handle(String keyHash) {
        return tx.read(() -> {
            Instant now = clock.instant();
            ApiKey key = keys.findByHash(keyHash)
                    .orElseThrow(() -> new NotFoundException("api_key.not_found", "No key has this hash."));
            Hierarchy hierarchy = new Hierarchy(tenants.treeOf(key.tenantId()));
            PlanCatalog catalog = new PlanCatalog(plans.findAll());
            List<TenantLevel> chain = new ArrayList<>();
            int level = 1;
            for (Tenant tenant : hierarchy.chain(key.tenantId())) {
                var limits = hierarchy.effectiveLimits(tenant.id(), catalog);
                chain.add(new TenantLevel(
                        tenant.id(),
                        level++,
                        tenant.status().name(),
                        tenant.timeZone(),
                        tenant.billingAnchorDay(),
                        hierarchy.effectivePlanId(tenant.id()),
                        new EffectiveLimits(
                                limits.rateLimit() == null
                                        ? null
                                        : limits.rateLimit().requestsPerSecond(),
                                limits.rateLimit() == null
                                        ? null
                                        : limits.rateLimit().burst(),
                                limits.monthlyQuota(),
                                limits.routeLimits().stream()
                                        .map(r -> new RouteLimit(r.route(), r.requestsPerSecond(), r.burst()))
                                        .toList(),
                                limits.failureMode().name(),
                                limits.shadow())));
            }
            return new KeyResolution(
                    key.id(),
                    key.tenantId(),
                    key.statusAt(now).name(),
                    key.expiresAt(),
                    key.statusAt(now) == ApiKeyStatus.ROTATING ? key.graceEndsAt() : null,
                    chain);
        });
    }
}
