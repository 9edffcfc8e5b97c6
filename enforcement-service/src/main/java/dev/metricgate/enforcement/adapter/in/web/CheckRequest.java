package dev.metricgate.enforcement.adapter.in.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /v1/check}; both fields optional.
 *
 * @param route the route being called, default {@code *}
 * @param cost cost units, default 1
 */
record CheckRequest(
        @Size(min = 1, max = 256, message = "must be 1 to 256 characters")
        String route,

        @Min(value = 1, message = "must be between 1 and 1000")
        @Max(value = 1000, message = "must be between 1 and 1000")
        Integer cost) {

    static final String ANY_ROUTE = "*";

    String routeOrDefault() {
        return route == null ? ANY_ROUTE : route;
    }

    int costOrDefault() {
        return cost == null ? 1 : cost;
    }
}
