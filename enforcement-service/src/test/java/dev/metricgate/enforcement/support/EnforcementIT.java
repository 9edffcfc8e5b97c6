package dev.metricgate.enforcement.support;

import static dev.metricgate.testsupport.RealServers.Server.KAFKA;
import static dev.metricgate.testsupport.RealServers.Server.OIDC;
import static dev.metricgate.testsupport.RealServers.Server.REDIS;

import dev.metricgate.enforcement.EnforcementApplication;
import dev.metricgate.testsupport.RealServers;
import dev.metricgate.testsupport.SharedServers;
import dev.metricgate.testsupport.Tokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Base of the integration tests: one Spring context shared by every IT class, on real Redis, Kafka
 * and OIDC issuer, with plans-service played by {@link PlansServiceStub}, usage-service's record of
 * charged usage by {@link UsageServiceStub}, and a clock tests can move
 * (the charge script is given this clock's time).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServers({REDIS, KAFKA, OIDC})
@Import(EnforcementIT.ClockConfig.class)
public abstract class EnforcementIT {

    @LocalServerPort
    protected int port;

    @Autowired
    protected ShiftableClock clock;

    @Autowired
    protected StringRedisTemplate redis;

    @TestConfiguration
    static class ClockConfig {

        @Bean
        @Primary
        ShiftableClock shiftableClock() {
            return new ShiftableClock();
        }
    }

    @DynamicPropertySource
    static void plansService(DynamicPropertyRegistry registry) {
        registry.add(
                "metricgate.enforcement.plans-service-url",
                () -> PlansServiceStub.get().baseUrl());
        registry.add(
                "metricgate.enforcement.usage-service-url",
                () -> UsageServiceStub.get().baseUrl());
        registry.add(
                "spring.security.oauth2.client.provider.metricgate.token-uri", () -> Tokens.issuerUri() + "/token");
        registry.add("metricgate.enforcement.clock-source", () -> "application");
        registry.add("metricgate.enforcement.redis-command-timeout", () -> TEST_REDIS_TIMEOUT);
    }

    /**
     * The build machine is shared and often overloaded; a slow answer must not turn into a
     * fail-soft decision in tests that count exactly (a stopped Redis is still detected at once).
     */
    static final String TEST_REDIS_TIMEOUT = "3s";

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected RestTestClient http() {
        return http(port);
    }

    protected static RestTestClient http(int port) {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    /** Properties for another instance of the service on the same servers (what RealServers sets). */
    public static Map<String, Object> instanceProperties(String kafkaBootstrap) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("spring.data.redis.port", SharedServers.redis().port());
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrap);
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", Tokens.issuerUri());
        properties.put("spring.security.oauth2.client.provider.metricgate.token-uri", Tokens.issuerUri() + "/token");
        properties.put(
                "metricgate.enforcement.plans-service-url",
                PlansServiceStub.get().baseUrl());
        properties.put(
                "metricgate.enforcement.usage-service-url",
                UsageServiceStub.get().baseUrl());
        properties.put("metricgate.enforcement.clock-source", "application");
        properties.put("metricgate.enforcement.redis-command-timeout", TEST_REDIS_TIMEOUT);
        properties.put("spring.jmx.enabled", false);
        return properties;
    }

    public static ConfigurableApplicationContext startInstance(Map<String, Object> properties) {
        // command-line arguments, so they win over application.yml (builder properties would not)
        String[] args = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        // on the same test calendar as the instance under test
        return new SpringApplicationBuilder(EnforcementApplication.class, ClockConfig.class).run(args);
    }

    /** A free 127.0.0.1 port nobody listens on: a server that is down. */
    public static int deadPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
