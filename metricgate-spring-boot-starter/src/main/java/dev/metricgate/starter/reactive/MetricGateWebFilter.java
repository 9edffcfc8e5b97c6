package dev.metricgate.starter.reactive;

import dev.metricgate.client.CheckRequest;
import dev.metricgate.client.CheckResult;
import dev.metricgate.starter.MetricGateGuard;
import dev.metricgate.starter.Verdict;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * WebFlux: checks each call without blocking. It asks the application's handler mappings (those the
 * {@link DispatcherHandler} uses) which handler will serve the call, so the route is the handler's
 * path pattern and the cost its {@code @MeteredCost}; a call no mapping accepts (405, 415) is left to
 * the dispatcher's error answer. Runs after Spring Security's filter chain (order -100).
 */
public final class MetricGateWebFilter implements WebFilter, Ordered {

    public static final int ORDER = 0;

    private final MetricGateGuard guard;
    private final ObjectProvider<DispatcherHandler> dispatcher;

    public MetricGateWebFilter(MetricGateGuard guard, ObjectProvider<DispatcherHandler> dispatcher) {
        this.guard = guard;
        this.dispatcher = dispatcher;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (CorsUtils.isPreFlightRequest(request)
                || !guard.protects(request.getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        return handler(exchange)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(unmatched -> Mono.empty())
                .flatMap(handler ->
                        Mono.fromFuture(() -> guard.client().checkAsync(check(exchange, handler.orElse(null)))))
                .map(result -> Optional.of(result))
                .defaultIfEmpty(Optional.empty())
                .flatMap(result -> result.isEmpty() ? chain.filter(exchange) : answer(exchange, chain, result.get()));
    }

    private CheckRequest check(ServerWebExchange exchange, Object handler) {
        ServerHttpRequest request = exchange.getRequest();
        PathPattern pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return guard.request(
                request.getHeaders().getFirst(guard.apiKeyHeader()),
                request.getMethod().name(),
                pattern == null ? null : pattern.getPatternString(),
                handler);
    }

    private Mono<Void> answer(ServerWebExchange exchange, WebFilterChain chain, CheckResult result) {
        Verdict verdict = guard.verdict(result, exchange.getRequest().getPath().value());
        ServerHttpResponse response = exchange.getResponse();
        verdict.headers().forEach(response.getHeaders()::set);
        if (verdict.proceed()) {
            return chain.filter(exchange);
        }
        response.setStatusCode(HttpStatusCode.valueOf(verdict.status()));
        response.getHeaders().setContentType(MediaType.parseMediaType(Verdict.PROBLEM_JSON));
        response.getHeaders().setContentLength(verdict.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(verdict.body())));
    }

    private Mono<Object> handler(ServerWebExchange exchange) {
        DispatcherHandler handler = dispatcher.getIfAvailable();
        List<HandlerMapping> mappings = handler == null ? null : handler.getHandlerMappings();
        if (mappings == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(mappings)
                .concatMap(mapping -> mapping.getHandler(exchange))
                .next();
    }
}
