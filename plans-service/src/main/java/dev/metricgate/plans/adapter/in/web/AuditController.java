package dev.metricgate.plans.adapter.in.web;

import dev.metricgate.plans.application.AuditEntry;
import dev.metricgate.plans.application.ListAuditEvents;
import dev.metricgate.plans.application.ListAuditEvents.AuditQuery;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Append-only log of admin actions")
class AuditController {

    private final ListAuditEvents listAuditEvents;

    AuditController(ListAuditEvents listAuditEvents) {
        this.listAuditEvents = listAuditEvents;
    }

    record AuditEventResponse(
            Instant occurredAt,
            String actor,
            String action,
            String targetType,
            UUID targetId,
            UUID tenantId,
            String summary) {

        static AuditEventResponse of(AuditEntry e) {
            return new AuditEventResponse(
                    e.occurredAt(), e.actor(), e.action(), e.targetType(), e.targetId(), e.tenantId(), e.summary());
        }
    }

    @GetMapping("/v1/audit-events")
    PageResponse<AuditEventResponse> list(
            @RequestParam(required = false) UUID tenantId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @AuthenticationPrincipal Jwt jwt) {
        return PageResponse.of(
                listAuditEvents.handle(new AuditQuery(tenantId, from, to, page, size), Callers.of(jwt)),
                AuditEventResponse::of);
    }
}
