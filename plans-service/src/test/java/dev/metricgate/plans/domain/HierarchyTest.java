package dev.metricgate.plans.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HierarchyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final List<Tenant> tenants = new ArrayList<>();

    private Tenant add(TenantKind kind, Tenant parent, UUID planId) {
        Tenant tenant = Tenant.create(
                UUID.randomUUID(), "t", kind, parent == null ? null : parent.id(), planId, null, null, NOW);
        tenants.add(tenant);
        return tenant;
    }

    private static Plan plan(UUID parent, Integer rps, Long quota) {
        return Plan.create(
                UUID.randomUUID(),
                "p",
                parent,
                null,
                new Limits(rps == null ? null : new RateLimit(rps, rps), quota, null, null, null),
                NOW);
    }

    private static void assertCode(Runnable action, String code) {
        assertThatThrownBy(action::run)
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(code);
    }

    @Test
    void givenFourLevels_whenPlacingBelowTheFourth_thenDepthExceeded() {
        Tenant l1 = add(TenantKind.RESELLER, null, null);
        Tenant l2 = add(TenantKind.RESELLER, l1, null);
        Tenant l3 = add(TenantKind.RESELLER, l2, null);
        Tenant l4 = add(TenantKind.RESELLER, l3, null);
        Hierarchy hierarchy = new Hierarchy(tenants);
        Tenant fresh = Tenant.create(UUID.randomUUID(), "x", TenantKind.CUSTOMER, l4.id(), null, null, null, NOW);

        assertThat(hierarchy.level(l4.id())).isEqualTo(4);
        assertCode(() -> hierarchy.checkPlacement(fresh, l4.id()), "tenant.depth_exceeded");
    }

    @Test
    void givenCustomer_whenPlacingChild_thenCustomerCannotHaveChildren() {
        Tenant root = add(TenantKind.RESELLER, null, null);
        Tenant shop = add(TenantKind.CUSTOMER, root, null);
        Hierarchy hierarchy = new Hierarchy(tenants);
        Tenant fresh = Tenant.create(UUID.randomUUID(), "x", TenantKind.CUSTOMER, shop.id(), null, null, null, NOW);

        assertCode(() -> hierarchy.checkPlacement(fresh, shop.id()), "tenant.customer_cannot_have_children");
    }

    @Test
    void givenDescendant_whenMovingAncestorBelowIt_thenCycle() {
        Tenant root = add(TenantKind.RESELLER, null, null);
        Tenant child = add(TenantKind.RESELLER, root, null);
        Tenant grandchild = add(TenantKind.RESELLER, child, null);
        Hierarchy hierarchy = new Hierarchy(tenants);

        assertCode(() -> hierarchy.checkPlacement(root, grandchild.id()), "tenant.cycle");
        assertCode(() -> hierarchy.checkPlacement(child, child.id()), "tenant.cycle");
    }

    @Test
    void givenTenantWithoutPlan_whenResolvingEffectivePlan_thenNearestAncestorsPlanApplies() {
        Plan top = plan(null, 100, 1000L);
        Plan mid = plan(null, 50, 500L);
        Tenant root = add(TenantKind.RESELLER, null, top.id());
        Tenant reseller = add(TenantKind.RESELLER, root, mid.id());
        Tenant shop = add(TenantKind.CUSTOMER, reseller, null);
        Hierarchy hierarchy = new Hierarchy(tenants);
        PlanCatalog plans = new PlanCatalog(List.of(top, mid));

        assertThat(hierarchy.effectivePlanId(shop.id())).isEqualTo(mid.id());
        assertThat(hierarchy.planSource(shop.id())).isEqualTo(reseller);
        assertThat(hierarchy.effectiveLimits(shop.id(), plans).monthlyQuota()).isEqualTo(500L);
        assertThat(hierarchy.effectivePlanId(root.id())).isEqualTo(top.id());
    }

    @Test
    void givenChildPlanAboveParentTenantsPlan_whenCheckingCeilings_thenCeilingExceeded() {
        Plan small = plan(null, 10, 100L);
        Plan large = plan(null, 10, 1000L);
        Tenant root = add(TenantKind.RESELLER, null, small.id());
        add(TenantKind.CUSTOMER, root, large.id());
        Hierarchy hierarchy = new Hierarchy(tenants);
        PlanCatalog plans = new PlanCatalog(List.of(small, large));

        assertCode(() -> hierarchy.checkCeilings(root.id(), plans), "plan.ceiling_exceeded");
    }

    @Test
    void givenUnlimitedChildUnderLimitedParent_whenCheckingCeilings_thenCeilingExceeded() {
        Plan limited = plan(null, 10, 100L);
        Plan unlimited = plan(null, 10, null);
        Tenant root = add(TenantKind.RESELLER, null, limited.id());
        add(TenantKind.CUSTOMER, root, unlimited.id());
        Hierarchy hierarchy = new Hierarchy(tenants);

        assertCode(
                () -> hierarchy.checkCeilings(root.id(), new PlanCatalog(List.of(limited, unlimited))),
                "plan.ceiling_exceeded");
    }

    @Test
    void givenChildrenWithOwnPlansAboveParentQuota_whenCheckingOverbooking_thenWarning() {
        Plan parentPlan = plan(null, 10, 1000L);
        Plan childPlan = plan(null, 10, 600L);
        Tenant root = add(TenantKind.RESELLER, null, parentPlan.id());
        add(TenantKind.CUSTOMER, root, childPlan.id());
        add(TenantKind.CUSTOMER, root, null);
        PlanCatalog plans = new PlanCatalog(List.of(parentPlan, childPlan));

        assertThat(new Hierarchy(tenants).overbooking(root.id(), plans)).isEmpty();

        add(TenantKind.CUSTOMER, root, childPlan.id());
        assertThat(new Hierarchy(tenants).overbooking(root.id(), plans))
                .extracting(Warning::code)
                .containsExactly("plan.overbooked");
    }

    @Test
    void givenDeletedChild_whenListingLiveChildren_thenItIsLeftOut() {
        Tenant root = add(TenantKind.RESELLER, null, null);
        Tenant gone = add(TenantKind.CUSTOMER, root, null);
        Tenant kept = add(TenantKind.CUSTOMER, root, null);
        gone.markDeleted(NOW);

        assertThat(new Hierarchy(tenants).liveChildren(root.id())).containsExactly(kept);
    }
}
