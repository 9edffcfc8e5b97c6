package dev.metricgate.testsupport;

import dev.metricgate.testsupport.RealServers.Server;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Turns {@link RealServers} into property values pointing at the shared servers. */
class RealServersContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        RealServers annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, RealServers.class);
        if (annotation == null) {
            return null;
        }
        Set<Server> servers = EnumSet.noneOf(Server.class);
        servers.addAll(Arrays.asList(annotation.value()));
        if (servers.contains(Server.OIDC) && servers.contains(Server.KEYCLOAK)) {
            throw new IllegalArgumentException("choose one issuer: OIDC or KEYCLOAK");
        }
        if (servers.contains(Server.POSTGRES) && annotation.database().isBlank()) {
            throw new IllegalArgumentException("@RealServers with POSTGRES needs database = \"...\"");
        }
        return new Customizer(Set.copyOf(servers), annotation.database());
    }

    private record Customizer(Set<Server> servers, String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new LinkedHashMap<>();
            if (servers.contains(Server.POSTGRES)) {
                var postgres = SharedServers.postgres();
                postgres.createDatabase(database);
                properties.put("spring.datasource.url", postgres.jdbcUrl(database));
                properties.put("spring.datasource.username", "postgres");
                properties.put("spring.datasource.password", "postgres");
            }
            if (servers.contains(Server.REDIS)) {
                properties.put("spring.data.redis.host", "127.0.0.1");
                properties.put("spring.data.redis.port", SharedServers.redis().port());
            }
            if (servers.contains(Server.KAFKA)) {
                properties.put(
                        "spring.kafka.bootstrap-servers", SharedServers.kafka().bootstrapServers());
            }
            if (servers.contains(Server.OIDC)) {
                properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", Tokens.issuerUri());
            }
            if (servers.contains(Server.KEYCLOAK)) {
                var keycloak = SharedServers.keycloak();
                properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuerUri());
                properties.put("metricgate.keycloak.server-url", keycloak.baseUrl());
            }
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("metricgate-real-servers", properties));
        }
    }
}
