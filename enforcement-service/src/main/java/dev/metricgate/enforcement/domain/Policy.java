package dev.metricgate.enforcement.domain;

/** The kinds of limit a check charges; {@link #wireName()} is what responses and events call them. */
public enum Policy {
    RATE("rate"),
    ROUTE("route"),
    QUOTA("quota");

    private final String wireName;

    Policy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
