package dev.metricgate.plans.domain;

/** The caller sees the resource but its role does not allow this action (answered as 403). */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String code, String message) {
        super(code, message);
    }
}
