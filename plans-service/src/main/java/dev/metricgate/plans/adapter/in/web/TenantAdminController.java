package dev.metricgate.plans.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.metricgate.kit.security.RealmRoles;
import dev.metricgate.plans.application.ProvisionTenantAdmin;
import dev.metricgate.plans.application.ProvisionTenantAdmin.ProvisionAdminCommand;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tenant admins", description = "Provisioning of tenant users in Keycloak")
class TenantAdminController {

    private final ProvisionTenantAdmin provisionTenantAdmin;

    TenantAdminController(ProvisionTenantAdmin provisionTenantAdmin) {
        this.provisionTenantAdmin = provisionTenantAdmin;
    }

    enum AdminRole {
        @JsonProperty(RealmRoles.TENANT_ADMIN)
        TENANT_ADMIN(RealmRoles.TENANT_ADMIN),
        @JsonProperty(RealmRoles.TENANT_VIEWER)
        TENANT_VIEWER(RealmRoles.TENANT_VIEWER);

        final String realmRole;

        AdminRole(String realmRole) {
            this.realmRole = realmRole;
        }
    }

    record ProvisionAdminRequest(
            @NotBlank @Size(min = 3, max = 100) @Pattern(regexp = "[a-zA-Z0-9._@-]+")
            String username,

            @NotBlank @Email @Size(max = 255) String email,
            AdminRole role,
            @Size(min = 8, max = 128) String password) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProvisionedAdminResponse(String userId, String username, String role, String temporaryPassword) {}

    @PostMapping("/v1/tenants/{tenantId}/admins")
    ResponseEntity<ProvisionedAdminResponse> provision(
            @PathVariable UUID tenantId,
            @Valid @RequestBody ProvisionAdminRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        String role = (request.role() == null ? AdminRole.TENANT_ADMIN : request.role()).realmRole;
        var user = provisionTenantAdmin.handle(
                new ProvisionAdminCommand(tenantId, request.username(), request.email(), role, request.password()),
                Callers.of(jwt));
        return ResponseEntity.created(URI.create("/v1/tenants/" + tenantId + "/admins/" + user.userId()))
                .cacheControl(CacheControl.noStore())
                .body(new ProvisionedAdminResponse(user.userId(), user.username(), role, user.temporaryPassword()));
    }
}
