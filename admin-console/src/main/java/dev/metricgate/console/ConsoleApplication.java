package dev.metricgate.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The admin console: the pages under {@code static/} and a backend-for-frontend. Admins sign in with
 * Keycloak (authorization code with PKCE); their tokens stay in the server-side session, the browser
 * holds only the session cookie, and {@link ApiProxy} calls plans-service and usage-service for them
 * (ADR 0023).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
