package dev.metricgate.plans.domain;

/** A token bucket: capacity {@code burst}, refilled at {@code requestsPerSecond}. */
public record RateLimit(int requestsPerSecond, int burst) {

    public RateLimit {
        if (requestsPerSecond < 1 || burst < 1) {
            throw new RuleViolationException("plan.invalid_limits", "Rate limits must be positive.");
        }
    }

    boolean exceeds(RateLimit ceiling) {
        return requestsPerSecond > ceiling.requestsPerSecond || burst > ceiling.burst;
    }
}
