package dev.metricgate.plans.adapter.in.web;

import dev.metricgate.plans.application.CreateTenant;
import dev.metricgate.plans.application.CreateTenant.CreateTenantCommand;
import dev.metricgate.plans.application.DeleteTenant;
import dev.metricgate.plans.application.GetTenant;
import dev.metricgate.plans.application.ListTenants;
import dev.metricgate.plans.application.UpdateTenant;
import dev.metricgate.plans.application.UpdateTenant.UpdateTenantCommand;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/tenants")
@Tag(name = "Tenants", description = "The reseller hierarchy")
class TenantController {

    private final CreateTenant createTenant;
    private final GetTenant getTenant;
    private final ListTenants listTenants;
    private final UpdateTenant updateTenant;
    private final DeleteTenant deleteTenant;

    TenantController(
            CreateTenant createTenant,
            GetTenant getTenant,
            ListTenants listTenants,
            UpdateTenant updateTenant,
            DeleteTenant deleteTenant) {
        this.createTenant = createTenant;
        this.getTenant = getTenant;
        this.listTenants = listTenants;
        this.updateTenant = updateTenant;
        this.deleteTenant = deleteTenant;
    }

    @PostMapping
    ResponseEntity<TenantResponse> create(
            @Valid @RequestBody CreateTenantRequest request, @AuthenticationPrincipal Jwt jwt) {
        var view = createTenant.handle(
                new CreateTenantCommand(
                        request.name(),
                        request.kind(),
                        request.parentId(),
                        request.planId(),
                        request.timeZone(),
                        request.billingAnchorDay()),
                Callers.of(jwt));
        return ResponseEntity.created(URI.create("/v1/tenants/" + view.tenant().id()))
                .body(TenantResponse.of(view));
    }

    @GetMapping("/{id}")
    TenantResponse get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return TenantResponse.of(getTenant.handle(id, Callers.of(jwt)));
    }

    @GetMapping
    PageResponse<TenantSummaryResponse> list(
            @RequestParam(required = false) UUID parentId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @AuthenticationPrincipal Jwt jwt) {
        return PageResponse.of(listTenants.handle(parentId, page, size, Callers.of(jwt)), TenantSummaryResponse::of);
    }

    @PatchMapping("/{id}")
    TenantResponse update(
            @PathVariable UUID id, @Valid @RequestBody UpdateTenantRequest request, @AuthenticationPrincipal Jwt jwt) {
        return TenantResponse.of(updateTenant.handle(
                new UpdateTenantCommand(
                        id,
                        request.name,
                        request.parentIdPresent,
                        request.parentId,
                        request.planIdPresent,
                        request.planId,
                        request.status,
                        request.timeZone,
                        request.billingAnchorDay),
                Callers.of(jwt)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        deleteTenant.handle(id, Callers.of(jwt));
        return ResponseEntity.noContent().build();
    }
}
