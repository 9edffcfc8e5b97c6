package dev.metricgate.enforcement.config;

import static dev.metricgate.kit.security.RealmRoles.PLATFORM_ADMIN;

import dev.metricgate.kit.security.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * API consumers authenticate {@code POST /v1/check} with their API key, which the check itself
 * verifies; {@code GET /v1/ping} is the benchmark's do-nothing baseline; JWTs guard only the
 * operational endpoints.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
        ResourceServer.apply(http, json)
                .authorizeHttpRequests(auth -> auth.requestMatchers(ResourceServer.PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers("/v1/check", "/v1/ping")
                        .permitAll()
                        .requestMatchers("/actuator/**", "/v1/admin/**")
                        .hasRole(PLATFORM_ADMIN)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }
}
