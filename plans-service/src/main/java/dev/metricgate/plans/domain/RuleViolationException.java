package dev.metricgate.plans.domain;

/** The request is well-formed but breaks a domain rule (answered as 422). */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String code, String message) {
        super(code, message);
    }
}
