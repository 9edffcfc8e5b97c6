package dev.metricgate.kit.web;

/** One offending input field of a 400 problem: where it is and what is wrong with it. */
public record FieldError(String field, String message) {}
