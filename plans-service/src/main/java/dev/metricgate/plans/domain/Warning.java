package dev.metricgate.plans.domain;

/** A soft rule the change breaks; the change succeeds and the caller is told, e.g. {@code plan.overbooked}. */
public record Warning(String code, String detail) {}
