package dev.metricgate.starter;

import dev.metricgate.client.CheckRequest;
import dev.metricgate.client.CheckResult;
import dev.metricgate.client.MetricGateClient;
import dev.metricgate.client.Problem;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's rules, the same for Spring MVC and WebFlux: which calls are checked, what each one
 * sends (route = method + the handler's path pattern, cost from {@link MeteredCost}) and what the
 * API answers for each result, fail-open included.
 */
public final class MetricGateGuard {

    private static final Log log = LogFactory.getLog(MetricGateGuard.class);

    private final MetricGateClient client;
    private final String apiKeyHeader;
    private final boolean failOpen;
    private final List<PathPattern> include;
    private final List<PathPattern> exclude;
    private final FailOpenListener failOpens;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Method, Integer> costs = new ConcurrentHashMap<>();
    private final AtomicBoolean answering = new AtomicBoolean(true);

    public MetricGateGuard(MetricGateClient client, MetricGateProperties properties, FailOpenListener failOpens) {
        this.client = client;
        this.apiKeyHeader = properties.getApiKeyHeader();
        this.failOpen = properties.isFailOpen();
        this.include = patterns(properties.getInclude());
        this.exclude = patterns(properties.getExclude());
        this.failOpens = failOpens;
    }

    public MetricGateClient client() {
        return client;
    }

    public String apiKeyHeader() {
        return apiKeyHeader;
    }

    /** Whether calls to this path (within the application) are checked. */
    public boolean protects(PathContainer path) {
        return include.stream().anyMatch(pattern -> pattern.matches(path))
                && exclude.stream().noneMatch(pattern -> pattern.matches(path));
    }

    /**
     * The check of one call.
     *
     * @param pattern the path pattern of the handler that matched, or {@code null} (then route {@code *})
     * @param handler the matched handler; a {@link HandlerMethod} may carry {@link MeteredCost}
     */
    public CheckRequest request(String apiKey, String method, String pattern, Object handler) {
        String route = pattern == null ? CheckRequest.ANY_ROUTE : method + " " + pattern;
        if (route.length() > CheckRequest.MAX_ROUTE_LENGTH) {
            route = route.substring(0, CheckRequest.MAX_ROUTE_LENGTH);
        }
        return new CheckRequest(apiKey, route, cost(handler));
    }

    /** What the API does with the call, given enforcement-service's result. */
    public Verdict verdict(CheckResult result, String path) {
        if (!(result instanceof CheckResult.Unavailable) && answering.compareAndSet(false, true)) {
            log.info("MetricGate: enforcement-service answers again; calls are checked");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (result instanceof CheckResult.Allowed allowed) {
            allowed.headers().forEach(headers::put);
            return new Verdict(true, 200, headers, new byte[0]);
        }
        if (result instanceof CheckResult.Denied denied) {
            headers.put("Retry-After", Long.toString(denied.retryAfter().toSeconds()));
            denied.headers().forEach(headers::put);
            Map<String, Object> problem = problem(denied.problem(), path);
            problem.put("policy", denied.policy());
            problem.put("tenantLevel", denied.tenantLevel());
            problem.put("retryAfterSeconds", denied.retryAfter().toSeconds());
            return new Verdict(false, 429, headers, json.writeValueAsBytes(problem));
        }
        if (result instanceof CheckResult.InvalidKey invalid) {
            headers.put("WWW-Authenticate", "ApiKey header=\"" + apiKeyHeader + "\"");
            Problem service = invalid.problem();
            Problem own = new Problem(
                    service.type(),
                    service.title(),
                    401,
                    "The " + apiKeyHeader + " header is missing or does not name a usable key.",
                    Problem.INVALID_API_KEY);
            return new Verdict(false, 401, headers, json.writeValueAsBytes(problem(own, path)));
        }
        CheckResult.Unavailable unavailable = (CheckResult.Unavailable) result;
        if (answering.compareAndSet(true, false)) {
            log.warn("MetricGate: no decision from enforcement-service (" + unavailable.detail() + "); calls "
                    + (failOpen
                            ? "proceed unchecked (metricgate.fail-open=true)"
                            : "answer 503 (metricgate.fail-open=false)")
                    + " until it answers");
        }
        if (failOpen) {
            failOpens.failedOpen(unavailable);
            return new Verdict(true, 200, headers, new byte[0]);
        }
        headers.put(
                "Retry-After",
                Long.toString(unavailable.retryAfter().map(d -> d.toSeconds()).orElse(1L)));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://metricgate.dev/problems/" + Problem.ENFORCEMENT_UNAVAILABLE);
        problem.put("title", "Enforcement unavailable");
        problem.put("status", 503);
        problem.put("detail", "Limits cannot be checked right now; retry later.");
        problem.put("instance", path);
        problem.put("code", Problem.ENFORCEMENT_UNAVAILABLE);
        return new Verdict(false, 503, headers, json.writeValueAsBytes(problem));
    }

    private static Map<String, Object> problem(Problem problem, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", path);
        body.put("code", problem.code());
        return body;
    }

    private int cost(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return 1;
        }
        return costs.computeIfAbsent(method.getMethod(), m -> costOf(method));
    }

    private static int costOf(HandlerMethod method) {
        MeteredCost cost = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), MeteredCost.class);
        if (cost == null) {
            cost = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), MeteredCost.class);
        }
        if (cost == null) {
            return 1;
        }
        if (cost.value() < 1 || cost.value() > CheckRequest.MAX_COST) {
            throw new IllegalStateException("@MeteredCost(" + cost.value() + ") on " + method.getShortLogMessage()
                    + ": the cost must be 1 to " + CheckRequest.MAX_COST);
        }
        return cost.value();
    }

    private static List<PathPattern> patterns(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}
