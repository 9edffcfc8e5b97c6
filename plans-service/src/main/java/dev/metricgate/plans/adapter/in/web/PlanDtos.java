package dev.metricgate.plans.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.metricgate.plans.adapter.in.web.LimitsDto.RateLimitDto;
import dev.metricgate.plans.adapter.in.web.LimitsDto.RouteLimitDto;
import dev.metricgate.plans.application.PlanView;
import dev.metricgate.plans.domain.FailureMode;
import dev.metricgate.plans.domain.Plan;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A plan as sent by an admin: limits left {@code null} inherit the parent plan's. {@code
 * ownerTenantId} is fixed at creation; PUT ignores it.
 */
record PlanRequest(
        @NotBlank @Size(max = 200) String name,
        UUID parentPlanId,
        UUID ownerTenantId,
        @Valid RateLimitDto rateLimit,
        @Min(0) Long monthlyQuota,
        @Valid @Size(max = 100) List<@NotNull @Valid RouteLimitDto> routeLimits,
        FailureMode failureMode,
        Boolean shadow) {

    LimitsDto limits() {
        return new LimitsDto(rateLimit, monthlyQuota, routeLimits, failureMode, shadow);
    }
}

record PlanResponse(
        UUID id,
        String name,
        UUID parentPlanId,
        UUID ownerTenantId,
        LimitsDto limits,
        LimitsDto effectiveLimits,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WarningResponse> warnings) {

    static PlanResponse of(PlanView view) {
        Plan plan = view.plan();
        return new PlanResponse(
                plan.id(),
                plan.name(),
                plan.parentPlanId(),
                plan.ownerTenantId(),
                LimitsDto.of(plan.limits()),
                LimitsDto.of(view.effectiveLimits()),
                plan.createdAt(),
                plan.updatedAt(),
                WarningResponse.of(view.warnings()));
    }
}
