package dev.metricgate.enforcement.domain;

/** Lifecycle of an API key as plans-service reports it. */
public enum KeyStatus {
    ACTIVE,
    ROTATING,
    REVOKED,
    EXPIRED,
    UNKNOWN;

    public static KeyStatus parse(String value) {
        for (KeyStatus status : values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
