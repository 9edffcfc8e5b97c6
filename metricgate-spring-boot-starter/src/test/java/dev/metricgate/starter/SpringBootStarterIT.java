package dev.metricgate.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metricgate.client.MetricGateClient;
import dev.metricgate.devstack.Net;
import dev.metricgate.testsupport.Api;
import dev.metricgate.testsupport.LocalSystem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * metricgate-spring-boot-starter inside real Spring Boot applications, one on Spring MVC and one on
 * WebFlux, protecting the same controller against the real enforcement-service (and plans-service,
 * Redis, Kafka, Keycloak) of {@link LocalSystem}. Each test sets up its own plan, tenant and key
 * through the admin API.
 */
class SpringBootStarterIT {

    enum Stack {
        MVC(WebApplicationType.SERVLET),
        WEBFLUX(WebApplicationType.REACTIVE);

        final WebApplicationType type;

        Stack(WebApplicationType type) {
            this.type = type;
        }
    }

    /**
     * The application under test on each stack, checked by the running enforcement-service. Its
     * timeout is generous: the first checks of a cold test system may take longer than the default,
     * and a fail-open answer would hide what these tests look at.
     */
    private static final Map<Stack, App> APPS = new EnumMap<>(Stack.class);
    /** With the default timeout, failing open. */
    private static final Map<Stack, App> FAIL_OPEN_APPS = new EnumMap<>(Stack.class);
    /** With the default timeout, failing closed. */
    private static final Map<Stack, App> FAIL_CLOSED_APPS = new EnumMap<>(Stack.class);
    /** Pointed at a port nothing listens on: enforcement-service stopped. */
    private static final Map<Stack, App> STOPPED_ENFORCEMENT_APPS = new EnumMap<>(Stack.class);

    /** metricgate.timeout's default. */
    private static final Duration TIMEOUT = Duration.ofMillis(250);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @AfterAll
    static void stopApps() {
        for (Map<Stack, App> apps : List.of(APPS, FAIL_OPEN_APPS, FAIL_CLOSED_APPS, STOPPED_ENFORCEMENT_APPS)) {
            apps.values().forEach(app -> app.context.close());
            apps.clear();
        }
    }

    @ParameterizedTest
    @EnumSource(Stack.class)
    void allowedCallsCarryTheRateLimitHeaders_andTheCallAfterTheBurstIs429ProblemJson(Stack stack) {
        String key = consumerKey("""
                {"name":"Starter burst %s","rateLimit":{"requestsPerSecond":1,"burst":3},"monthlyQuota":1000}""");
        App app = app(stack);

        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(app.get("/orders/" + (i + 1), key));
        }

        assertThat(answers).extracting(Response::status).containsExactly(200, 200, 200, 429);
        Response first = answers.get(0);
        assertThat(first.json().get("id").asString()).isEqualTo("1");
        assertThat(first.header("RateLimit-Policy")).contains("\"rate\";q=3;w=");
        assertThat(first.header("RateLimit")).contains("\"rate\";r=2;");
        assertThat(answers.get(2).header("RateLimit")).contains("\"rate\";r=0;");
        Response denied = answers.get(3);
        assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
        assertThat(denied.header("Retry-After")).isEqualTo("1");
        assertThat(denied.header("RateLimit-Policy")).contains("\"rate\";q=3;w=");
        JsonNode problem = denied.json();
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("code").asString()).isEqualTo("rate_limited");
        assertThat(problem.get("policy").asString()).isEqualTo("rate");
        assertThat(problem.get("tenantLevel").asInt()).isEqualTo(1);
        assertThat(problem.get("instance").asString()).isEqualTo("/orders/4");
    }

    @ParameterizedTest
    @EnumSource(Stack.class)
    void theWarmUpAtStartupIsAnsweredByTheServiceAndChargesNothing(Stack stack) {
        String key = consumerKey("""
                {"name":"Starter warm-up %s","rateLimit":{"requestsPerSecond":1,"burst":2},"monthlyQuota":1000}""");
        App app = app(stack);

        boolean answered = app.context.getBean(MetricGateClient.class).warmUp();

        assertThat(answered).isTrue();
        assertThat(app.get("/orders/1", key).header("RateLimit")).contains("\"rate\";r=1;");
    }

    @ParameterizedTest
    @EnumSource(Stack.class)
    void anUnknownOrMissingKeyIs401ProblemJson_andExcludedPathsNeedNoKey(Stack stack) {
        App app = app(stack);

        Response unknown = app.get("/orders/1", "mg_live_unknown_" + UUID.randomUUID());
        Response missing = app.get("/orders/1", null);
        Response excluded = app.get("/public/ping", null);

        for (Response response : List.of(unknown, missing)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("invalid_api_key");
            assertThat(response.json().get("detail").asString()).contains("X-Api-Key");
        }
        assertThat(excluded.status()).isEqualTo(200);
        assertThat(excluded.header("RateLimit")).isNull();
    }

    @ParameterizedTest
    @EnumSource(Stack.class)
    void theRouteIsTheHandlersPathPattern_soARouteLimitCoversEveryIdOfIt(Stack stack) {
        String key = consumerKey("""
                {"name":"Starter route %s","rateLimit":{"requestsPerSecond":100,"burst":100},"monthlyQuota":1000,\
                "routeLimits":[{"route":"POST /orders/{id}","requestsPerSecond":1,"burst":2}]}""");
        App app = app(stack);

        Response one = app.post("/orders/1", key);
        Response two = app.post("/orders/2", key);
        Response three = app.post("/orders/3", key);
        Response read = app.get("/orders/3", key);

        assertThat(List.of(one.status(), two.status(), three.status(), read.status()))
                .containsExactly(200, 200, 429, 200);
        assertThat(three.json().get("policy").asString()).isEqualTo("route");
        assertThat(three.json().get("detail").asString()).contains("POST /orders/{id}");
    }

    @ParameterizedTest
    @EnumSource(Stack.class)
    void aHandlersMeteredCostIsWhatItsCallsCharge(Stack stack) {
        String key = consumerKey("""
                {"name":"Starter cost %s","rateLimit":{"requestsPerSecond":100,"burst":100},"monthlyQuota":12}""");
        App app = app(stack);

        Response first = app.post("/reports", key);
        Response second = app.post("/reports", key);
        Response third = app.post("/reports", key);
        Response cheap = app.get("/orders/1", key);

        assertThat(List.of(first.status(), second.status(), third.status(), cheap.status()))
                .as(
                        "RateLimit: %s, %s, %s",
                        first.header("RateLimit"), second.header("RateLimit"), third.header("RateLimit"))
                .containsExactly(200, 200, 429, 200);
        assertThat(first.header("RateLimit")).contains("\"quota\";r=7;");
        assertThat(second.header("RateLimit")).contains("\"quota\";r=2;");
        assertThat(third.json().get("code").asString()).isEqualTo("quota_exceeded");
        assertThat(cheap.header("RateLimit")).contains("\"quota\";r=1;");
    }

    @ParameterizedTest
    @EnumSource(Stack.class)
    void whenEnforcementDoesNotAnswer_failOpenLetsCallsThroughWithinTheTimeoutAndCountsThem_failClosedAnswers503(
            Stack stack) {
        String key = consumerKey("""
                {"name":"Starter outage %s","rateLimit":{"requestsPerSecond":100,"burst":100},"monthlyQuota":1000}""");
        App open = failOpenApp(stack);
        App closed = failClosedApp(stack);
        App stopped = stoppedEnforcementApp(stack);
        assertThat(app(stack).get("/orders/1", key).header("RateLimit")).isNotNull();
        double failOpensBefore = open.failOpens();

        var system = LocalSystem.get();
        List<Long> openMillis = new ArrayList<>();
        List<Response> openAnswers = new ArrayList<>();
        List<Response> closedAnswers = new ArrayList<>();
        system.pauseEnforcement();
        try {
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                openAnswers.add(open.get("/orders/1", key));
                openMillis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
                closedAnswers.add(closed.get("/orders/1", key));
            }
        } finally {
            system.resumeEnforcement();
        }
        Response stoppedOpen = stopped.get("/orders/1", key);

        System.out.printf("%s fail-open answers (ms, timeout %d): %s%n", stack, TIMEOUT.toMillis(), openMillis);
        assertThat(openAnswers).extracting(Response::status).containsOnly(200);
        assertThat(openAnswers)
                .allSatisfy(answer -> assertThat(answer.header("RateLimit")).isNull());
        // each call waits for the timeout, then proceeds: the median is the call's own time, not luck
        assertThat(openMillis.stream().sorted().toList().get(2))
                .as("median ms of %s", openMillis)
                .isBetween(TIMEOUT.toMillis(), TIMEOUT.toMillis() + 50);
        assertThat(open.failOpens() - failOpensBefore).isEqualTo(5);
        assertThat(closedAnswers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).isEqualTo("1");
            assertThat(answer.json().get("code").asString()).isEqualTo("enforcement_unavailable");
        });
        assertThat(stoppedOpen.status()).isEqualTo(200);
        assertThat(stopped.failOpens()).isPositive();
        Awaitility.await("enforcement answers the fail-open application again, with no restart")
                .atMost(Duration.ofSeconds(30))
                .until(() -> open.get("/orders/1", key).header("RateLimit") != null);
    }

    // --- the applications -------------------------------------------------------------------------

    /** The API under test: the same controller on either stack. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(OrdersController.class)
    static class OrdersApi {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @RestController
    static class OrdersController {

        @GetMapping("/orders/{id}")
        Map<String, Object> order(@PathVariable String id) {
            return Map.of("id", id);
        }

        @PostMapping("/orders/{id}")
        Map<String, Object> update(@PathVariable String id) {
            return Map.of("id", id, "updated", true);
        }

        @MeteredCost(5)
        @PostMapping("/reports")
        Map<String, Object> report() {
            return Map.of("report", "ready");
        }

        @GetMapping("/public/ping")
        Map<String, Object> ping() {
            return Map.of("pong", true);
        }
    }

    private static synchronized App app(Stack stack) {
        return APPS.computeIfAbsent(stack, s -> App.start(s, LocalSystem.get().enforcement, true, "10s"));
    }

    private static synchronized App failOpenApp(Stack stack) {
        return FAIL_OPEN_APPS.computeIfAbsent(stack, s -> App.start(s, LocalSystem.get().enforcement, true, null));
    }

    private static synchronized App failClosedApp(Stack stack) {
        return FAIL_CLOSED_APPS.computeIfAbsent(stack, s -> App.start(s, LocalSystem.get().enforcement, false, null));
    }

    private static synchronized App stoppedEnforcementApp(Stack stack) {
        return STOPPED_ENFORCEMENT_APPS.computeIfAbsent(
                stack, s -> App.start(s, "http://127.0.0.1:" + Net.freePort(), true, null));
    }

    record App(ConfigurableApplicationContext context, String base) {

        /** @param timeout metricgate.timeout, or {@code null} for the default */
        static App start(Stack stack, String enforcement, boolean failOpen, String timeout) {
            List<String> args = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--spring.jmx.enabled=false",
                    "--spring.main.banner-mode=off",
                    "--metricgate.url=" + enforcement,
                    "--metricgate.fail-open=" + failOpen,
                    "--metricgate.exclude=/actuator/**,/public/**"));
            if (timeout != null) {
                args.add("--metricgate.timeout=" + timeout);
            }
            ConfigurableApplicationContext context = new SpringApplicationBuilder(OrdersApi.class)
                    .web(stack.type)
                    .run(args.toArray(String[]::new));
            return new App(
                    context, "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        }

        double failOpens() {
            return context.getBean(MeterRegistry.class).find(MetricGateAutoConfiguration.FAIL_OPEN).counters().stream()
                    .mapToDouble(counter -> counter.count())
                    .sum();
        }

        Response get(String path, String key) {
            return send(request(path, key).GET());
        }

        Response post(String path, String key) {
            return send(request(path, key).POST(HttpRequest.BodyPublishers.noBody()));
        }

        private HttpRequest.Builder request(String path, String key) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            return key == null ? request : request.header("X-Api-Key", key);
        }

        private static Response send(HttpRequest.Builder request) {
            try {
                return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Response(HttpResponse<String> raw) {

        int status() {
            return raw.statusCode();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            return Api.JSON.readTree(raw.body());
        }
    }

    /** A root tenant on a plan of its own (the plan's JSON with %s for a unique name), and its API key. */
    private static String consumerKey(String planJson) {
        var system = LocalSystem.get();
        String admin = Api.token(system.keycloak, "platform-admin", "platform-admin");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String plan = created(Api.post(system.plans + "/v1/plans", admin, planJson.formatted(tag)));
        String tenant = created(Api.post(system.plans + "/v1/tenants", admin, """
                {"name":"Starter %s","kind":"RESELLER","planId":"%s"}""".formatted(tag, plan)));
        var key = Api.post(system.plans + "/v1/tenants/" + tenant + "/api-keys", admin, "{}");
        assertThat(key.status()).as(key.raw().body()).isEqualTo(201);
        return key.json().get("key").asString();
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
