package dev.metricgate.enforcement.application;

/**
 * One API call to decide on, the same whichever protocol asked: {@code POST /v1/check} or Envoy's
 * rate limit service (ADR 0021). The limits of its fields are checked here, once for both.
 *
 * @param apiKey the presented key, possibly {@code null}
 * @param route the route, {@link #ANY_ROUTE} when the caller gave none
 * @param cost cost units, 1 to {@link #MAX_COST}
 * @param protocol what asked; the decision metrics carry it
 */
public record CheckCommand(String apiKey, String route, int cost, Protocol protocol) {

    public static final String ANY_ROUTE = "*";
    public static final int MAX_ROUTE_LENGTH = 256;
    public static final int MAX_COST = 1000;

    public enum Protocol {
        HTTP,
        GRPC
    }

    /** What is wrong with a route the caller gave, {@code null} when nothing is. */
    public static String routeProblem(String route) {
        return route.isEmpty() || route.length() > MAX_ROUTE_LENGTH
                ? "must be 1 to " + MAX_ROUTE_LENGTH + " characters"
                : null;
    }

    /** What is wrong with a cost the caller gave, {@code null} when nothing is. */
    public static String costProblem(long cost) {
        return cost < 1 || cost > MAX_COST ? "must be between 1 and " + MAX_COST : null;
    }
}
