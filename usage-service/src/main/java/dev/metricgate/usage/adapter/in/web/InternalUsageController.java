package dev.metricgate.usage.adapter.in.web;

import dev.metricgate.contracts.ChargedUsage;
import dev.metricgate.usage.application.ReportChargedUsage;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The internal API for other services (service tokens only, secured in SecurityConfig). */
@RestController
class InternalUsageController {

    private final ReportChargedUsage chargedUsage;

    InternalUsageController(ReportChargedUsage chargedUsage) {
        this.chargedUsage = chargedUsage;
    }

    /** Cost units charged to the tenant's subtree in {@code [from, to)}, for quota rebuilds (ADR 0019). */
    @GetMapping("/internal/v1/tenants/{tenantId}/charged")
    ChargedUsage charged(@PathVariable UUID tenantId, @RequestParam Instant from, @RequestParam Instant to) {
        return new ChargedUsage(tenantId, from, to, chargedUsage.chargedCost(tenantId, from, to));
    }
}
