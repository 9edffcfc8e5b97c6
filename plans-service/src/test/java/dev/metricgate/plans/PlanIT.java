package dev.metricgate.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Plans: inheritance, ceilings, overbooking and deletion rules. */
class PlanIT extends PlansServiceITBase {

    @Test
    void givenParentPlan_whenChildLeavesFieldsNull_thenEffectiveLimitsInheritThem() {
        UUID parent = createPlan(map(
                "name",
                "gold",
                "rateLimit",
                map("requestsPerSecond", 100, "burst", 200),
                "monthlyQuota",
                1_000_000,
                "routeLimits",
                List.of(map("route", "POST /v1/orders", "requestsPerSecond", 5, "burst", 10)),
                "failureMode",
                "FAIL_CLOSED"));

        Reply child = post("/v1/plans", ADMIN, map("name", "gold-lite", "parentPlanId", parent, "monthlyQuota", 5000));

        assertThat(child.status()).isEqualTo(201);
        assertThat(child.json().at("/limits/rateLimit").isNull()).isTrue();
        assertThat(child.json().at("/limits/monthlyQuota").asLong()).isEqualTo(5000);
        assertThat(child.json()
                        .at("/effectiveLimits/rateLimit/requestsPerSecond")
                        .asInt())
                .isEqualTo(100);
        assertThat(child.json().at("/effectiveLimits/monthlyQuota").asLong()).isEqualTo(5000);
        assertThat(child.json().at("/effectiveLimits/routeLimits/0/route").asString())
                .isEqualTo("POST /v1/orders");
        assertThat(child.json().at("/effectiveLimits/failureMode").asString()).isEqualTo("FAIL_CLOSED");
        assertThat(child.json().at("/effectiveLimits/shadow").asBoolean()).isFalse();
    }

    @Test
    void givenParentPlan_whenChildExceedsIt_thenCeilingExceededAndNothingStored() {
        UUID parent = createPlan(plan(null, 100, 1000L));
        long before = count("select count(*) from plans");

        Reply reply = post("/v1/plans", ADMIN, plan(parent, 101, 10L));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("plan.ceiling_exceeded");
        assertThat(count("select count(*) from plans")).isEqualTo(before);
    }

    @Test
    void givenChildPlan_whenParentIsLoweredBelowIt_thenCeilingExceeded() {
        UUID parent = createPlan(plan(null, 100, 1000L));
        createPlan(plan(parent, 50, 800L));

        Reply reply = put("/v1/plans/" + parent, ADMIN, plan(null, 100, 500L));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("plan.ceiling_exceeded");
        assertThat(get("/v1/plans/" + parent, ADMIN)
                        .json()
                        .at("/limits/monthlyQuota")
                        .asLong())
                .isEqualTo(1000);
    }

    @Test
    void givenResellerWithPlan_whenCustomerGetsLargerPlan_thenCeilingExceeded() {
        UUID small = createPlan(plan(null, 10, 1000L));
        UUID large = createPlan(plan(null, 10, 5000L));
        UUID reseller = createTenant("RESELLER", null, small);

        Reply create = post(
                "/v1/tenants", ADMIN, map("name", "big", "kind", "CUSTOMER", "parentId", reseller, "planId", large));
        UUID customer = customer(reseller);
        Reply assign = patch("/v1/tenants/" + customer, ADMIN, map("planId", large));

        assertThat(create.status()).isEqualTo(422);
        assertThat(create.code()).isEqualTo("plan.ceiling_exceeded");
        assertThat(assign.status()).isEqualTo(422);
        assertThat(assign.code()).isEqualTo("plan.ceiling_exceeded");
    }

    @Test
    void givenChildrenQuotasAboveParent_whenAssigning_thenSucceedsWithOverbookedWarning() {
        UUID resellerPlan = createPlan(plan(null, 10, 1000L));
        UUID customerPlan = createPlan(plan(resellerPlan, null, 600L));
        UUID reseller = createTenant("RESELLER", null, resellerPlan);

        Reply first = post(
                "/v1/tenants",
                ADMIN,
                map("name", "c1", "kind", "CUSTOMER", "parentId", reseller, "planId", customerPlan));
        Reply second = post(
                "/v1/tenants",
                ADMIN,
                map("name", "c2", "kind", "CUSTOMER", "parentId", reseller, "planId", customerPlan));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().has("warnings")).isFalse();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().at("/warnings/0/code").asString()).isEqualTo("plan.overbooked");
    }

    @Test
    void givenAssignedPlan_whenDeleting_thenConflictUntilUnassigned() {
        UUID plan = createPlan(plan(null, 10, 100L));
        UUID tenant = createTenant("RESELLER", null, plan);

        Reply blocked = delete("/v1/plans/" + plan, ADMIN);
        patch("/v1/tenants/" + tenant, ADMIN, map("planId", null));
        Reply deleted = delete("/v1/plans/" + plan, ADMIN);

        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.code()).isEqualTo("plan.assigned");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(get("/v1/plans/" + plan, ADMIN).status()).isEqualTo(404);
    }

    @Test
    void givenPlans_whenListing_thenOwnAndEffectiveLimitsArePaged() {
        createPlan(plan(null, 10, 100L));

        Reply reply = get("/v1/plans?page=0&size=200", ADMIN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("items").size()).isGreaterThan(0);
        assertThat(reply.json().at("/items/0").has("effectiveLimits")).isTrue();
    }
}
