package dev.metricgate.enforcement.adapter.out.plans;

import dev.metricgate.contracts.KeyResolution;
import dev.metricgate.enforcement.application.port.out.KeyDirectory;
import dev.metricgate.enforcement.application.port.out.KeyDirectoryUnavailableException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * plans-service's internal key-resolution endpoint, called with a client-credentials token (the
 * RestClient carries the OAuth2 interceptor and the timeouts).
 */
@Component
class HttpKeyDirectory implements KeyDirectory {

    private final RestClient plans;

    HttpKeyDirectory(@Qualifier("plansRestClient") RestClient plans) {
        this.plans = plans;
    }

    @Override
    public Optional<KeyResolution> find(String keyHash) {
        try {
            return Optional.ofNullable(plans.get()
                    .uri("/internal/v1/key-resolutions/{keyHash}", keyHash)
                    .retrieve()
                    .body(KeyResolution.class));
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw new KeyDirectoryUnavailableException("plans-service answered " + e.getStatusCode(), e);
        } catch (RestClientException | OAuth2AuthorizationException e) {
            // unreachable, timed out, or no client-credentials token from the issuer
            throw new KeyDirectoryUnavailableException("plans-service unreachable", e);
        }
    }
}
