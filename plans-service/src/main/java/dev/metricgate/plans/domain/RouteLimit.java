package dev.metricgate.plans.domain;

/** A token bucket for one route, e.g. {@code POST /v1/orders}. */
public record RouteLimit(String route, int requestsPerSecond, int burst) {

    public RouteLimit {
        if (route == null || route.isBlank() || requestsPerSecond < 1 || burst < 1) {
            throw new RuleViolationException("plan.invalid_limits", "A route limit needs a route and positive limits.");
        }
    }

    boolean exceeds(RouteLimit ceiling) {
        return requestsPerSecond > ceiling.requestsPerSecond || burst > ceiling.burst;
    }
}
