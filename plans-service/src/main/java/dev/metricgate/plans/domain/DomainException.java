package dev.metricgate.plans.domain;

/** A broken rule with a stable code that clients can rely on, e.g. {@code tenant.depth_exceeded}. */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
