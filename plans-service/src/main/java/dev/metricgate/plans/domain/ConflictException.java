package dev.metricgate.plans.domain;

/** The change conflicts with the current state of another resource (answered as 409). */
public class ConflictException extends DomainException {

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
