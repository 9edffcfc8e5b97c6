package dev.metricgate.enforcement.config;

import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The clients for the other services' internal APIs — plans-service (key resolutions) and
 * usage-service (quota rebuilds, ADR 0019): a client-credentials token of registration
 * {@code plans-service}, whose audience both services accept (cached until it expires), and short
 * timeouts, because a cache miss or a rebuild holds up a request.
 */
@Configuration
class InternalClientsConfig {

    static final String REGISTRATION = "plans-service";

    @Bean
    OAuth2AuthorizedClientManager serviceAuthorizedClientManager(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientService clients) {
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials()
                .build());
        return manager;
    }

    @Bean
    RestClient plansRestClient(
            RestClient.Builder builder, OAuth2AuthorizedClientManager manager, EnforcementProperties properties) {
        return internalClient(builder, manager, properties, properties.plansServiceUrl());
    }

    @Bean
    RestClient usageRestClient(
            RestClient.Builder builder, OAuth2AuthorizedClientManager manager, EnforcementProperties properties) {
        return internalClient(builder, manager, properties, properties.usageServiceUrl());
    }

    private static RestClient internalClient(
            RestClient.Builder builder,
            OAuth2AuthorizedClientManager manager,
            EnforcementProperties properties,
            String baseUrl) {
        var oauth = new OAuth2ClientHttpRequestInterceptor(manager);
        oauth.setClientRegistrationIdResolver(request -> REGISTRATION);
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.directoryTimeout())
                .build());
        requests.setReadTimeout(properties.directoryTimeout());
        return builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .requestInterceptor(oauth)
                .build();
    }
}
