package dev.metricgate.starter.servlet;

import dev.metricgate.client.CheckRequest;
import dev.metricgate.starter.MetricGateGuard;
import dev.metricgate.starter.Verdict;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;

/**
 * Spring MVC: checks each call once its handler is matched, so the route is the handler's path
 * pattern and the cost its {@code @MeteredCost} (a servlet filter runs before either is known, ADR
 * 0022). Error and async re-dispatches of a call are not checked again, nor are CORS preflights.
 */
public final class MetricGateHandlerInterceptor implements HandlerInterceptor {

    private final MetricGateGuard guard;

    public MetricGateHandlerInterceptor(MetricGateGuard guard) {
        this.guard = guard;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST
                || CorsUtils.isPreFlightRequest(request)
                || !guard.protects(path(request))) {
            return true;
        }
        CheckRequest check = guard.request(
                request.getHeader(guard.apiKeyHeader()),
                request.getMethod(),
                (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE),
                handler);
        Verdict verdict = guard.verdict(guard.client().check(check), request.getRequestURI());
        verdict.headers().forEach(response::setHeader);
        if (verdict.proceed()) {
            return true;
        }
        response.setStatus(verdict.status());
        response.setContentType(Verdict.PROBLEM_JSON);
        response.setContentLength(verdict.body().length);
        response.getOutputStream().write(verdict.body());
        return false;
    }

    private static PathContainer path(HttpServletRequest request) {
        return ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()
                : PathContainer.parsePath(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
    }
}
