package dev.metricgate.plans.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.metricgate.plans.application.TenantView;
import dev.metricgate.plans.domain.Tenant;
import dev.metricgate.plans.domain.TenantKind;
import dev.metricgate.plans.domain.TenantStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

record CreateTenantRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull TenantKind kind,
        UUID parentId,
        UUID planId,
        @IanaTimeZone String timeZone,
        @Min(1) @Max(28) Integer billingAnchorDay) {}

/** A JSON merge patch: absent fields stay, {@code parentId: null} makes a root, {@code planId: null} unassigns. */
final class UpdateTenantRequest {

    @Size(min = 1, max = 200)
    @Pattern(regexp = ".*\\S.*", message = "must not be blank")
    String name;

    UUID parentId;
    boolean parentIdPresent;
    UUID planId;
    boolean planIdPresent;
    TenantStatus status;

    @IanaTimeZone
    String timeZone;

    @Min(1)
    @Max(28)
    Integer billingAnchorDay;

    @JsonProperty("name")
    void setName(String name) {
        this.name = name;
    }

    @JsonProperty("parentId")
    void setParentId(UUID parentId) {
        this.parentId = parentId;
        this.parentIdPresent = true;
    }

    @JsonProperty("planId")
    void setPlanId(UUID planId) {
        this.planId = planId;
        this.planIdPresent = true;
    }

    @JsonProperty("status")
    void setStatus(TenantStatus status) {
        this.status = status;
    }

    @JsonProperty("timeZone")
    void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    @JsonProperty("billingAnchorDay")
    void setBillingAnchorDay(Integer billingAnchorDay) {
        this.billingAnchorDay = billingAnchorDay;
    }
}

record TenantSummaryResponse(
        UUID id,
        String name,
        TenantKind kind,
        UUID parentId,
        TenantStatus status,
        UUID planId,
        String timeZone,
        int billingAnchorDay,
        Instant createdAt,
        Instant updatedAt) {

    static TenantSummaryResponse of(Tenant t) {
        return new TenantSummaryResponse(
                t.id(),
                t.name(),
                t.kind(),
                t.parentId(),
                t.status(),
                t.planId(),
                t.timeZone(),
                t.billingAnchorDay(),
                t.createdAt(),
                t.updatedAt());
    }
}

record TenantResponse(
        UUID id,
        String name,
        TenantKind kind,
        UUID parentId,
        TenantStatus status,
        UUID planId,
        String timeZone,
        int billingAnchorDay,
        int level,
        List<Ancestor> ancestors,
        EffectivePlan effectivePlan,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WarningResponse> warnings) {

    record Ancestor(UUID id, String name, TenantKind kind, TenantStatus status, int level) {}

    /**
     * @param planId {@code null} when no tenant of the chain has a plan (unlimited)
     * @param inheritedFrom the tenant the plan is assigned to (the tenant itself or an ancestor)
     */
    record EffectivePlan(UUID planId, UUID inheritedFrom, LimitsDto limits) {}

    static TenantResponse of(TenantView view) {
        Tenant t = view.tenant();
        List<Ancestor> ancestors = new ArrayList<>();
        for (int i = 0; i < view.ancestors().size(); i++) {
            Tenant a = view.ancestors().get(i);
            ancestors.add(new Ancestor(a.id(), a.name(), a.kind(), a.status(), i + 1));
        }
        return new TenantResponse(
                t.id(),
                t.name(),
                t.kind(),
                t.parentId(),
                t.status(),
                t.planId(),
                t.timeZone(),
                t.billingAnchorDay(),
                view.level(),
                ancestors,
                new EffectivePlan(
                        view.effectivePlanId(), view.planSourceTenantId(), LimitsDto.of(view.effectiveLimits())),
                t.createdAt(),
                t.updatedAt(),
                WarningResponse.of(view.warnings()));
    }
}
