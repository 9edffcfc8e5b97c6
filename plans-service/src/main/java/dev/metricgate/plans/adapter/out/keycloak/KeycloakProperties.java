package dev.metricgate.plans.adapter.out.keycloak;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** plans-service's own confidential client, whose service account may manage realm users. */
@ConfigurationProperties("metricgate.keycloak")
record KeycloakProperties(
        @DefaultValue("http://127.0.0.1:8080") String serverUrl,
        @DefaultValue("metricgate") String realm,
        @DefaultValue("plans-service") String clientId,
        @DefaultValue("plans-service-local-secret") String clientSecret) {

    @Override
    public String toString() {
        return "KeycloakProperties[serverUrl=" + serverUrl + ", realm=" + realm + ", clientId=" + clientId + "]";
    }
}
