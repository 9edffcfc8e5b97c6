package dev.metricgate.plans.adapter.in.web;

import dev.metricgate.plans.application.CreatePlan;
import dev.metricgate.plans.application.CreatePlan.CreatePlanCommand;
import dev.metricgate.plans.application.DeletePlan;
import dev.metricgate.plans.application.GetPlan;
import dev.metricgate.plans.application.ListPlans;
import dev.metricgate.plans.application.UpdatePlan;
import dev.metricgate.plans.application.UpdatePlan.UpdatePlanCommand;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/plans")
@Tag(name = "Plans", description = "Plans with inherited limits")
class PlanController {

    private final CreatePlan createPlan;
    private final GetPlan getPlan;
    private final ListPlans listPlans;
    private final UpdatePlan updatePlan;
    private final DeletePlan deletePlan;

    PlanController(
            CreatePlan createPlan, GetPlan getPlan, ListPlans listPlans, UpdatePlan updatePlan, DeletePlan deletePlan) {
        this.createPlan = createPlan;
        this.getPlan = getPlan;
        this.listPlans = listPlans;
        this.updatePlan = updatePlan;
        this.deletePlan = deletePlan;
    }

    @PostMapping
    ResponseEntity<PlanResponse> create(@Valid @RequestBody PlanRequest request, @AuthenticationPrincipal Jwt jwt) {
        var view = createPlan.handle(
                new CreatePlanCommand(
                        request.name(),
                        request.parentPlanId(),
                        request.ownerTenantId(),
                        request.limits().toDomain()),
                Callers.of(jwt));
        return ResponseEntity.created(URI.create("/v1/plans/" + view.plan().id()))
                .body(PlanResponse.of(view));
    }

    @GetMapping("/{id}")
    PlanResponse get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return PlanResponse.of(getPlan.handle(id, Callers.of(jwt)));
    }

    @GetMapping
    PageResponse<PlanResponse> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @AuthenticationPrincipal Jwt jwt) {
        return PageResponse.of(listPlans.handle(page, size, Callers.of(jwt)), PlanResponse::of);
    }

    @PutMapping("/{id}")
    PlanResponse replace(
            @PathVariable UUID id, @Valid @RequestBody PlanRequest request, @AuthenticationPrincipal Jwt jwt) {
        return PlanResponse.of(updatePlan.handle(
                new UpdatePlanCommand(
                        id,
                        request.name(),
                        request.parentPlanId(),
                        request.limits().toDomain()),
                Callers.of(jwt)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        deletePlan.handle(id, Callers.of(jwt));
        return ResponseEntity.noContent().build();
    }
}
