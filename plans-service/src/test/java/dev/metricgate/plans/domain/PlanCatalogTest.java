package dev.metricgate.plans.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanCatalogTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static Plan plan(UUID parent, Limits limits) {
        return Plan.create(UUID.randomUUID(), "p", parent, null, limits, NOW);
    }

    @Test
    void givenChainOfPlans_whenResolving_thenNullFieldsInheritAndDefaultsApplyAtTheTop() {
        Plan top = plan(
                null,
                new Limits(
                        new RateLimit(100, 200),
                        1000L,
                        List.of(new RouteLimit("POST /orders", 5, 10)),
                        FailureMode.FAIL_CLOSED,
                        null));
        Plan middle = plan(top.id(), new Limits(null, 500L, null, null, true));
        Plan leaf = plan(middle.id(), new Limits(new RateLimit(10, 20), null, List.of(), null, null));
        PlanCatalog catalog = new PlanCatalog(List.of(top, middle, leaf));

        EffectiveLimits effective = catalog.effective(leaf.id());

        assertThat(effective.rateLimit()).isEqualTo(new RateLimit(10, 20));
        assertThat(effective.monthlyQuota()).isEqualTo(500L);
        assertThat(effective.routeLimits()).isEmpty();
        assertThat(effective.failureMode()).isEqualTo(FailureMode.FAIL_CLOSED);
        assertThat(effective.shadow()).isTrue();
        assertThat(catalog.effective(middle.id()).routeLimits()).hasSize(1);
        assertThat(catalog.effective(null)).isEqualTo(EffectiveLimits.UNLIMITED);
    }

    @Test
    void givenChildAboveParent_whenCheckingCeilings_thenCeilingExceeded() {
        Plan parent = plan(null, new Limits(new RateLimit(100, 200), 1000L, null, null, null));
        Plan child = plan(parent.id(), new Limits(new RateLimit(100, 201), null, null, null, null));
        PlanCatalog catalog = new PlanCatalog(List.of(parent, child));

        assertThatThrownBy(() -> catalog.checkCeilings(parent.id()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("rateLimit");
    }

    @Test
    void givenRouteLimitAboveParents_whenCheckingCeilings_thenCeilingExceeded() {
        Plan parent = plan(null, new Limits(null, null, List.of(new RouteLimit("GET /a", 5, 5)), null, null));
        Plan child = plan(parent.id(), new Limits(null, null, List.of(new RouteLimit("GET /a", 6, 5)), null, null));
        PlanCatalog catalog = new PlanCatalog(List.of(parent, child));

        assertThatThrownBy(() -> catalog.checkCeilings(child.id()))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("plan.ceiling_exceeded");
    }

    @Test
    void givenTwoPlansPointingAtEachOther_whenResolving_thenCycle() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        PlanCatalog catalog = new PlanCatalog(List.of(
                new Plan(a, "a", b, null, Limits.NONE, NOW, NOW), new Plan(b, "b", a, null, Limits.NONE, NOW, NOW)));

        assertThatThrownBy(() -> catalog.effective(a))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("plan.cycle");
    }

    @Test
    void givenDuplicateRoutes_whenCreatingLimits_thenRejected() {
        assertThatThrownBy(() -> new Limits(
                        null,
                        null,
                        List.of(new RouteLimit("GET /a", 1, 1), new RouteLimit("GET /a", 2, 2)),
                        null,
                        null))
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo("plan.duplicate_route");
    }
}
