package dev.metricgate.client;

import java.util.Objects;

/**
 * One call to check: the consumer's API key, the route it calls (e.g. {@code GET /orders/{id}};
 * {@code *} for none) and its cost. Checked here against the limits {@code POST /v1/check} enforces,
 * so a bad route or cost fails in the caller instead of costing a round trip.
 *
 * @param apiKey the consumer's key as it presented it; {@code null} or blank answers {@link
 *     CheckResult.InvalidKey} without a call
 * @param route at most {@value #MAX_ROUTE_LENGTH} characters
 * @param cost 1 to {@value #MAX_COST}
 */
public record CheckRequest(String apiKey, String route, int cost) {

    public static final String ANY_ROUTE = "*";
    public static final int MAX_ROUTE_LENGTH = 256;
    public static final int MAX_COST = 1000;

    public CheckRequest {
        Objects.requireNonNull(route, "route");
        if (route.isBlank() || route.length() > MAX_ROUTE_LENGTH) {
            throw new IllegalArgumentException(
                    "route must be 1 to " + MAX_ROUTE_LENGTH + " characters, was " + route.length());
        }
        if (cost < 1 || cost > MAX_COST) {
            throw new IllegalArgumentException("cost must be 1 to " + MAX_COST + ", was " + cost);
        }
    }

    public static CheckRequest of(String apiKey) {
        return new CheckRequest(apiKey, ANY_ROUTE, 1);
    }

    boolean hasKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    /** Never the key: requests end up in logs and assertion messages. */
    @Override
    public String toString() {
        return "CheckRequest[route=" + route + ", cost=" + cost + "]";
    }
}
