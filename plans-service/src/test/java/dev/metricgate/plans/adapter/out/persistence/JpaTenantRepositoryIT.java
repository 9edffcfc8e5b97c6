package dev.metricgate.plans.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.plans.PlansServiceITBase;
import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.TenantRepository;
import dev.metricgate.plans.domain.Limits;
import dev.metricgate.plans.domain.Plan;
import dev.metricgate.plans.domain.Tenant;
import dev.metricgate.plans.domain.TenantKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The recursive CTEs of the tenant repository on real PostgreSQL. */
class JpaTenantRepositoryIT extends PlansServiceITBase {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    TenantRepository tenants;

    @Autowired
    PlanRepository plans;

    @Autowired
    PlatformTransactionManager transactionManager;

    private Tenant saved(TenantKind kind, Tenant parent, UUID planId) {
        Tenant tenant = Tenant.create(
                UUID.randomUUID(), "repo", kind, parent == null ? null : parent.id(), planId, null, null, NOW);
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> tenants.save(tenant));
        return tenant;
    }

    private static List<UUID> ids(List<Tenant> tenants) {
        return tenants.stream().map(Tenant::id).toList();
    }

    @Test
    void givenTree_whenLoadingFromAnyMember_thenTheWholeTreeAndNothingElse() {
        Tenant root = saved(TenantKind.RESELLER, null, null);
        Tenant mid = saved(TenantKind.RESELLER, root, null);
        Tenant leaf = saved(TenantKind.CUSTOMER, mid, null);
        Tenant other = saved(TenantKind.CUSTOMER, root, null);
        Tenant stranger = saved(TenantKind.RESELLER, null, null);

        List<UUID> fromLeaf = ids(tenants.treeOf(leaf.id()));
        List<UUID> fromRoot = ids(tenants.treeOf(root.id()));

        assertThat(fromLeaf).containsExactlyInAnyOrder(root.id(), mid.id(), leaf.id(), other.id());
        assertThat(fromRoot).containsExactlyInAnyOrderElementsOf(fromLeaf);
        assertThat(fromLeaf).doesNotContain(stranger.id());
        assertThat(tenants.treeOf(UUID.randomUUID())).isEmpty();
    }

    @Test
    void givenPlanAssignedDeepInTree_whenLoadingTreesUsingIt_thenTheWholeTreeOfThatTenant() {
        Plan plan = Plan.create(UUID.randomUUID(), "repo-plan", null, null, Limits.NONE, NOW);
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> plans.save(plan));
        Tenant root = saved(TenantKind.RESELLER, null, null);
        Tenant user = saved(TenantKind.CUSTOMER, root, plan.id());
        Tenant sibling = saved(TenantKind.CUSTOMER, root, null);
        Tenant unrelated = saved(TenantKind.RESELLER, null, null);

        List<UUID> trees = ids(tenants.treesUsingPlans(List.of(plan.id())));

        assertThat(trees).containsExactlyInAnyOrder(root.id(), user.id(), sibling.id());
        assertThat(trees).doesNotContain(unrelated.id());
        assertThat(tenants.isPlanAssigned(plan.id())).isTrue();
    }
}
