package dev.metricgate.plans.adapter.in.web;

import dev.metricgate.plans.application.ApiKeyView;
import dev.metricgate.plans.application.CreateApiKey;
import dev.metricgate.plans.application.CreateApiKey.CreateApiKeyCommand;
import dev.metricgate.plans.application.ListApiKeys;
import dev.metricgate.plans.application.RevokeApiKey;
import dev.metricgate.plans.application.RotateApiKey;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "API keys", description = "Keys of API consumers; the plaintext is shown once")
class ApiKeyController {

    private final CreateApiKey createApiKey;
    private final ListApiKeys listApiKeys;
    private final RotateApiKey rotateApiKey;
    private final RevokeApiKey revokeApiKey;

    ApiKeyController(
            CreateApiKey createApiKey, ListApiKeys listApiKeys, RotateApiKey rotateApiKey, RevokeApiKey revokeApiKey) {
        this.createApiKey = createApiKey;
        this.listApiKeys = listApiKeys;
        this.rotateApiKey = rotateApiKey;
        this.revokeApiKey = revokeApiKey;
    }

    @PostMapping("/v1/tenants/{tenantId}/api-keys")
    ResponseEntity<IssuedApiKeyResponse> create(
            @PathVariable UUID tenantId,
            @Valid @RequestBody(required = false) CreateApiKeyRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        CreateApiKeyRequest body = request == null ? new CreateApiKeyRequest(null, null) : request;
        var view =
                createApiKey.handle(new CreateApiKeyCommand(tenantId, body.name(), body.expiresAt()), Callers.of(jwt));
        return issued(view);
    }

    @GetMapping("/v1/tenants/{tenantId}/api-keys")
    List<ApiKeyResponse> list(@PathVariable UUID tenantId, @AuthenticationPrincipal Jwt jwt) {
        return listApiKeys.handle(tenantId, Callers.of(jwt)).stream()
                .map(ApiKeyResponse::of)
                .toList();
    }

    @PostMapping("/v1/api-keys/{keyId}/rotate")
    ResponseEntity<IssuedApiKeyResponse> rotate(
            @PathVariable UUID keyId,
            @Valid @RequestBody(required = false) RotateApiKeyRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        Duration grace = request == null || request.gracePeriodSeconds() == null
                ? null
                : Duration.ofSeconds(request.gracePeriodSeconds());
        return issued(rotateApiKey.handle(keyId, grace, Callers.of(jwt)));
    }

    @DeleteMapping("/v1/api-keys/{keyId}")
    ResponseEntity<Void> revoke(@PathVariable UUID keyId, @AuthenticationPrincipal Jwt jwt) {
        revokeApiKey.handle(keyId, Callers.of(jwt));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<IssuedApiKeyResponse> issued(ApiKeyView view) {
        return ResponseEntity.created(URI.create("/v1/tenants/" + view.key().tenantId() + "/api-keys"))
                .cacheControl(CacheControl.noStore())
                .body(IssuedApiKeyResponse.of(view));
    }
}
