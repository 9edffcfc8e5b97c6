package dev.metricgate.usage.domain;

/** A usage event that can never be stored: it goes to the dead-letter topic. */
public class InvalidUsageEventException extends RuntimeException {

    public InvalidUsageEventException(String message) {
        super(message);
    }
}
