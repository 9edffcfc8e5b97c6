package dev.metricgate.usage.config;

import static dev.metricgate.kit.security.RealmRoles.PLATFORM_ADMIN;
import static dev.metricgate.kit.security.RealmRoles.TENANT_ADMIN;
import static dev.metricgate.kit.security.RealmRoles.TENANT_VIEWER;

import dev.metricgate.kit.security.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

@Configuration
class SecurityConfig {

    static final String AUDIENCE = "usage-service";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
        ResourceServer.apply(http, json)
                .authorizeHttpRequests(auth -> auth.requestMatchers(ResourceServer.PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(PLATFORM_ADMIN)
                        .requestMatchers("/internal/**")
                        .access(ResourceServer.internalService(AUDIENCE))
                        .requestMatchers("/v1/admin/**")
                        .hasRole(PLATFORM_ADMIN)
                        .requestMatchers("/v1/**")
                        .hasAnyRole(PLATFORM_ADMIN, TENANT_ADMIN, TENANT_VIEWER)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }
}
