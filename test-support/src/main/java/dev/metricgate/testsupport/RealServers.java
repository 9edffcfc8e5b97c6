package dev.metricgate.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Gives a Spring test real servers, started once per test JVM and shared by every test class:
 * their addresses are wired in as Spring Boot properties before the context starts.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = RANDOM_PORT)
 * @RealServers(value = {POSTGRES, KAFKA, OIDC}, database = "plans")
 * class TenantApiIT { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(RealServersContextCustomizerFactory.class)
public @interface RealServers {

    Server[] value();

    /** The PostgreSQL database the service owns; created on first use. */
    String database() default "";

    enum Server {
        /** PostgreSQL; sets {@code spring.datasource.*}. */
        POSTGRES,
        /** Redis; sets {@code spring.data.redis.*}. */
        REDIS,
        /** A single-node KRaft Kafka; sets {@code spring.kafka.bootstrap-servers}. */
        KAFKA,
        /** mock-oauth2-server, in this JVM, fast; tokens from {@link Tokens}. */
        OIDC,
        /** The real Keycloak of dev-stack with the metricgate realm; tokens from {@link KeycloakTokens}. */
        KEYCLOAK
    }
}
