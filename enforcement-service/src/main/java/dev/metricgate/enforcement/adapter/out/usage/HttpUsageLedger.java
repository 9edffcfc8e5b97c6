package dev.metricgate.enforcement.adapter.out.usage;

import dev.metricgate.contracts.ChargedUsage;
import dev.metricgate.contracts.billing.BillingPeriod;
import dev.metricgate.enforcement.application.port.out.CountersUnreachableException;
import dev.metricgate.enforcement.application.port.out.UsageLedger;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * usage-service's internal endpoint of charged usage, called with a client-credentials token (the
 * RestClient carries the OAuth2 interceptor and the timeouts).
 */
@Component
class HttpUsageLedger implements UsageLedger {

    private final RestClient usage;

    HttpUsageLedger(@Qualifier("usageRestClient") RestClient usage) {
        this.usage = usage;
    }

    @Override
    public long chargedCost(UUID tenantId, BillingPeriod period) {
        try {
            ChargedUsage charged = usage.get()
                    .uri(
                            "/internal/v1/tenants/{id}/charged?from={from}&to={to}",
                            tenantId,
                            period.start(),
                            period.end())
                    .retrieve()
                    .body(ChargedUsage.class);
            if (charged == null) {
                throw new CountersUnreachableException("usage-service answered no body", null);
            }
            return charged.cost();
        } catch (RestClientException | OAuth2AuthorizationException e) {
            // unreachable, timed out, an error status, or no client-credentials token from the issuer
            throw new CountersUnreachableException("usage-service could not rebuild a quota counter", e);
        }
    }
}
