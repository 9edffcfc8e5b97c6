package dev.metricgate.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The hierarchy invariants over HTTP on real PostgreSQL. */
class HierarchyIT extends PlansServiceITBase {

    @Test
    void givenFourLevels_whenAddingAFifth_thenDepthExceeded() {
        UUID l1 = reseller(null);
        UUID l2 = reseller(l1);
        UUID l3 = reseller(l2);
        UUID l4 = customer(l3);

        Reply reply = post("/v1/tenants", ADMIN, map("name", "too deep", "kind", "CUSTOMER", "parentId", l3));
        Reply deeper = post("/v1/tenants", ADMIN, map("name", "l5", "kind", "RESELLER", "parentId", reseller(l3)));

        assertThat(get("/v1/tenants/" + l4, ADMIN).json().get("level").asInt()).isEqualTo(4);
        assertThat(reply.status()).isEqualTo(201);
        assertThat(deeper.status()).isEqualTo(422);
        assertThat(deeper.code()).isEqualTo("tenant.depth_exceeded");
        assertThat(deeper.headers().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void givenSubtreeOfThreeLevels_whenMovingItBelowLevelTwo_thenDepthExceededAndNothingMoves() {
        UUID a = reseller(null);
        UUID b = reseller(a);
        UUID moving = reseller(null);
        UUID child = reseller(moving);
        customer(child);

        Reply reply = patch("/v1/tenants/" + moving, ADMIN, map("parentId", b));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("tenant.depth_exceeded");
        assertThat(get("/v1/tenants/" + moving, ADMIN).json().get("parentId").isNull())
                .isTrue();
    }

    @Test
    void givenCustomer_whenAddingChild_thenRejected() {
        UUID root = reseller(null);
        UUID shop = customer(root);

        Reply create = post("/v1/tenants", ADMIN, map("name", "child", "kind", "CUSTOMER", "parentId", shop));
        UUID other = customer(root);
        Reply move = patch("/v1/tenants/" + other, ADMIN, map("parentId", shop));

        assertThat(create.status()).isEqualTo(422);
        assertThat(create.code()).isEqualTo("tenant.customer_cannot_have_children");
        assertThat(move.status()).isEqualTo(422);
        assertThat(move.code()).isEqualTo("tenant.customer_cannot_have_children");
    }

    @Test
    void givenParentAndChild_whenMovingParentUnderChild_thenCycleRejected() {
        UUID parent = reseller(null);
        UUID child = reseller(parent);

        Reply underChild = patch("/v1/tenants/" + parent, ADMIN, map("parentId", child));
        Reply underItself = patch("/v1/tenants/" + parent, ADMIN, map("parentId", parent));

        assertThat(underChild.status()).isEqualTo(422);
        assertThat(underChild.code()).isEqualTo("tenant.cycle");
        assertThat(underItself.status()).isEqualTo(422);
        assertThat(underItself.code()).isEqualTo("tenant.cycle");
    }

    @Test
    void givenTwoSiblings_whenMovedUnderEachOtherConcurrently_thenExactlyOneSucceedsAndTreeStays() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                UUID root = reseller(null);
                UUID a = reseller(root);
                UUID b = reseller(root);
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<Integer> aUnderB = () -> {
                    start.await();
                    return patch("/v1/tenants/" + a, ADMIN, map("parentId", b)).status();
                };
                Callable<Integer> bUnderA = () -> {
                    start.await();
                    return patch("/v1/tenants/" + b, ADMIN, map("parentId", a)).status();
                };
                List<Future<Integer>> results = new ArrayList<>();
                results.add(pool.submit(aUnderB));
                results.add(pool.submit(bUnderA));
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : results) {
                    statuses.add(result.get());
                }

                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 422);
                assertTreeBelow(root, a, b);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Both tenants reach the root by following parents, without passing a tenant twice. */
    private void assertTreeBelow(UUID root, UUID... tenants) {
        for (UUID tenant : tenants) {
            List<UUID> seen = new ArrayList<>();
            UUID current = tenant;
            while (current != null && !seen.contains(current)) {
                seen.add(current);
                current = jdbc.queryForObject("select parent_id from tenants where id = ?", UUID.class, current);
            }
            assertThat(current).as("cycle through " + seen).isNull();
            assertThat(seen.getLast()).isEqualTo(root);
        }
    }

    @Test
    void givenTenantWithLiveChild_whenDeleting_thenConflictUntilChildIsDeleted() {
        UUID root = reseller(null);
        UUID child = customer(root);

        Reply blocked = delete("/v1/tenants/" + root, ADMIN);
        Reply childDeleted = delete("/v1/tenants/" + child, ADMIN);
        Reply rootDeleted = delete("/v1/tenants/" + root, ADMIN);

        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.code()).isEqualTo("tenant.has_children");
        assertThat(childDeleted.status()).isEqualTo(204);
        assertThat(rootDeleted.status()).isEqualTo(204);
        assertThat(get("/v1/tenants/" + root, ADMIN).json().get("status").asString())
                .isEqualTo("DELETED");
    }

    @Test
    void givenTenantWithoutPlan_whenReading_thenAncestorsAndInheritedPlanAreShown() {
        UUID plan = createPlan(plan(null, 50, 10_000L));
        UUID root = createTenant("RESELLER", null, plan);
        UUID mid = reseller(root);
        UUID leaf = customer(mid);

        Reply reply = get("/v1/tenants/" + leaf, ADMIN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("level").asInt()).isEqualTo(3);
        assertThat(reply.json().get("ancestors").get(0).get("id").asString()).isEqualTo(root.toString());
        assertThat(reply.json().get("ancestors").get(1).get("id").asString()).isEqualTo(mid.toString());
        assertThat(reply.json().at("/effectivePlan/planId").asString()).isEqualTo(plan.toString());
        assertThat(reply.json().at("/effectivePlan/inheritedFrom").asString()).isEqualTo(root.toString());
        assertThat(reply.json().at("/effectivePlan/limits/monthlyQuota").asLong())
                .isEqualTo(10_000L);
    }

    @Test
    void givenDefaults_whenCreatingTenant_thenUtcAndAnchorDayOneAndLocationHeader() {
        Reply reply = post("/v1/tenants", ADMIN, map("name", "defaults", "kind", "RESELLER"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.headers().getLocation().toString())
                .isEqualTo("/v1/tenants/" + reply.json().get("id").asString());
        assertThat(reply.json().get("timeZone").asString()).isEqualTo("UTC");
        assertThat(reply.json().get("billingAnchorDay").asInt()).isEqualTo(1);
        assertThat(reply.json().get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void givenChildren_whenListingByParent_thenPagedLiveChildren() {
        UUID root = reseller(null);
        customer(root);
        customer(root);
        UUID deleted = customer(root);
        delete("/v1/tenants/" + deleted, ADMIN);

        Reply page0 = get("/v1/tenants?parentId=" + root + "&page=0&size=1", ADMIN);

        assertThat(page0.status()).isEqualTo(200);
        assertThat(page0.json().get("items").size()).isEqualTo(1);
        assertThat(page0.json().get("totalElements").asLong()).isEqualTo(2);
        assertThat(page0.json().get("totalPages").asInt()).isEqualTo(2);
    }
}
