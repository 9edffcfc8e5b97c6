package dev.metricgate.enforcement.adapter.in.web;

import dev.metricgate.enforcement.application.CheckCommand;
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

    static final CheckRequest DEFAULTS = new CheckRequest(null, null);

    String routeOrDefault() {
        return route == null ? CheckCommand.ANY_ROUTE : route;
    }

    int costOrDefault() {
        return cost == null ? 1 : cost;
    }

    /** What is wrong with the fields, empty when nothing is. */
    List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>(0);
        String routeProblem = route == null ? null : CheckCommand.routeProblem(route);
        if (routeProblem != null) {
            errors.add(new FieldError("route", routeProblem));
        }
        String costProblem = cost == null ? null : CheckCommand.costProblem(cost);
        if (costProblem != null) {
            errors.add(new FieldError("cost", costProblem));
        }
        return errors;
    }
}
