package dev.metricgate.plans.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document behind {@code /swagger-ui.html}, with the Keycloak bearer token scheme. */
@Configuration
class OpenApiConfig {

    private static final String BEARER = "keycloak-jwt";

    @Bean
    OpenAPI plansOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("MetricGate plans-service")
                        .version("v1")
                        .description("Tenants, plans, API keys and the audit log. Errors are application/problem+json"
                                + " with a stable code."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
