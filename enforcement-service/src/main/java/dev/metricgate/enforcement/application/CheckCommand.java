package dev.metricgate.enforcement.application;

/**
 * One API call to decide on.
 *
 * @param apiKey the presented key, possibly {@code null}
 * @param route the route, {@code *} when the caller gave none
 * @param cost cost units, 1-1000
 */
public record CheckCommand(String apiKey, String route, int cost) {}
