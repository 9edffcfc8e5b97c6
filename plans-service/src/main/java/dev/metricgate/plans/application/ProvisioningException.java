package dev.metricgate.plans.application;

/** The identity provider refused or could not be reached; nothing was left behind. */
public class ProvisioningException extends RuntimeException {

    public enum Reason {
        UNAVAILABLE,
        FAILED,
        CONFLICT
    }

    private final Reason reason;

    public ProvisioningException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
