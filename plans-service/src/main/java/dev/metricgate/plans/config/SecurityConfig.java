package dev.metricgate.plans.config;

import static dev.metricgate.kit.security.RealmRoles.INTERNAL_SERVICE;
import static dev.metricgate.kit.security.RealmRoles.PLATFORM_ADMIN;
import static dev.metricgate.kit.security.RealmRoles.TENANT_ADMIN;
import static dev.metricgate.kit.security.RealmRoles.TENANT_VIEWER;

import dev.metricgate.kit.security.ResourceServer;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import tools.jackson.databind.json.JsonMapper;

@Configuration
class SecurityConfig {

    static final String AUDIENCE = "plans-service";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
        ResourceServer.apply(http, json)
                .authorizeHttpRequests(auth -> auth.requestMatchers(ResourceServer.PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(PLATFORM_ADMIN)
                        .requestMatchers("/internal/**")
                        .access(SecurityConfig::internalService)
                        .requestMatchers("/v1/**")
                        .hasAnyRole(PLATFORM_ADMIN, TENANT_ADMIN, TENANT_VIEWER)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    /**
     * The internal API answers only other services: a token for this audience carrying the
     * {@code internal-service} realm role, which only service accounts have. Admin tokens fail.
     */
    private static AuthorizationDecision internalService(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt)) {
            return new AuthorizationDecision(false);
        }
        List<String> audience = jwt.getAudience();
        boolean forUs = audience != null && audience.contains(AUDIENCE);
        boolean service =
                auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + INTERNAL_SERVICE));
        return new AuthorizationDecision(forUs && service);
    }
}
