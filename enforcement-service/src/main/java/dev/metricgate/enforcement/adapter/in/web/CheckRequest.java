package dev.metricgate.enforcement.adapter.in.web;

import dev.metricgate.kit.web.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Body of {@code POST /v1/check}; both fields optional.
 *
 * @param route the route being called, default {@code *}, 1 to 256 characters
 * @param cost cost units, default 1, 1 to 1000
 */
record CheckRequest(String route, Integer cost) {

    static final String ANY_ROUTE = "*";
    static final CheckRequest DEFAULTS = new CheckRequest(null, null);
    static final int MAX_ROUTE_LENGTH = 256;
    static final int MAX_COST = 1000;

    String routeOrDefault() {
        return route == null ? ANY_ROUTE : route;
    }

    int costOrDefault() {
        return cost == null ? 1 : cost;
    }

    /** What is wrong with the fields, empty when nothing is. */
    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>(0);
        if (route != null && (route.isEmpty() || route.length() > MAX_ROUTE_LENGTH)) {
            errors.add(new FieldError("route", "must be 1 to " + MAX_ROUTE_LENGTH + " characters"));
        }
        if (cost != null && (cost < 1 || cost > MAX_COST)) {
            errors.add(new FieldError("cost", "must be between 1 and " + MAX_COST));
        }
        return errors;
    }
}
