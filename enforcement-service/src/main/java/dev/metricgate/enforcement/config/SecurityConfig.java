package dev.metricgate.enforcement.config;

import static dev.metricgate.kit.security.RealmRoles.PLATFORM_ADMIN;

import dev.metricgate.kit.security.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * API consumers authenticate {@code POST /v1/check} with their API key, which the check itself
 * verifies; {@code GET /v1/ping} is the benchmark's do-nothing baseline; JWTs guard only the
 * operational endpoints. The two API-key paths skip Spring Security's filters altogether (its
 * firewall still applies): they have no session, no JWT and no browser client, and the filter chain
 * was the largest framework cost of a check (ADR 0015).
 */
@Configuration
class SecurityConfig {

    static final String[] API_KEY_PATHS = {"/v1/check", "/v1/ping"};

    @Bean
    WebSecurityCustomizer apiKeyPathsWithoutSecurityFilters() {
        return web -> web.ignoring().requestMatchers(API_KEY_PATHS);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
        ResourceServer.apply(http, json)
                .authorizeHttpRequests(auth -> auth.requestMatchers(ResourceServer.PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers("/actuator/**", "/v1/admin/**")
                        .hasRole(PLATFORM_ADMIN)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }
}
