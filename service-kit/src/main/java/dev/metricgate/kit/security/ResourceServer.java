package dev.metricgate.kit.security;

import java.util.List;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stateless JWT resource-server set-up every service shares: Keycloak realm roles, problem+json
 * 401/403, open health/info/prometheus and API docs, every other actuator endpoint for platform
 * admins only. A service adds its own API rules before calling {@link #apply}.
 */
public final class ResourceServer {

    private ResourceServer() {}

    public static HttpSecurity apply(HttpSecurity http, JsonMapper json) {
        var problems = new ProblemSecurityHandler(json);
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(
                        oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(RealmRoles.authenticationConverter()))
                                .authenticationEntryPoint(problems)
                                .accessDeniedHandler(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    /**
     * The rule of a service's internal API ({@code /internal/**}): it answers only other services, a
     * token for {@code audience} carrying the {@code internal-service} realm role, which only service
     * accounts have. Admin tokens fail.
     */
    public static AuthorizationManager<RequestAuthorizationContext> internalService(String audience) {
        return (authentication, context) -> {
            Authentication auth = authentication.get();
            if (auth == null || !(auth.getPrincipal() instanceof Jwt jwt)) {
                return new AuthorizationDecision(false);
            }
            List<String> audiences = jwt.getAudience();
            boolean forUs = audiences != null && audiences.contains(audience);
            boolean service = auth.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + RealmRoles.INTERNAL_SERVICE));
            return new AuthorizationDecision(forUs && service);
        };
    }

    /** Paths that need no token: liveness/readiness probes, Prometheus scraping and the API docs. */
    public static final String[] PUBLIC_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/error"
    };
}
