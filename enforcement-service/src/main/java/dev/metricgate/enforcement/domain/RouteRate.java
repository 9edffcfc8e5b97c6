package dev.metricgate.enforcement.domain;

/** A token bucket: capacity {@code burst}, refilled at {@code requestsPerSecond}. */
public record RouteRate(int requestsPerSecond, int burst) {

    public RouteRate {
        if (requestsPerSecond < 0 || burst < 0) {
            throw new IllegalArgumentException("a token bucket needs non-negative rate and burst");
        }
    }

    /** Seconds an empty bucket needs to fill up, at least 1: the window of the RateLimit headers. */
    public long windowSeconds() {
        if (requestsPerSecond == 0) {
            return 1;
        }
        return Math.max(1, (burst + requestsPerSecond - 1) / requestsPerSecond);
    }
}
