package dev.metricgate.usage.domain;

/** The dimension a time series is split by. */
public enum GroupBy {
    API_KEY,
    ROUTE,
    TENANT
}
