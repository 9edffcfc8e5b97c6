package dev.metricgate.enforcement.adapter.in;

import dev.metricgate.enforcement.domain.Decision;
import dev.metricgate.enforcement.domain.PolicyStatus;
import java.util.function.BiConsumer;

/**
 * {@code RateLimit-Policy} and {@code RateLimit} of the IETF httpapi RateLimit header fields draft:
 * per policy its quota and window, and what remains with the seconds until reset, e.g.
 * {@code "rate";q=100;w=1, "quota";q=1000000;w=2592000} and {@code "rate";r=42;t=1}.
 */
public final class RateLimitHeaders {

    public static final String POLICY = "RateLimit-Policy";
    public static final String LIMIT = "RateLimit";

    private RateLimitHeaders() {}

    public static void apply(Decision decision, BiConsumer<String, String> headers) {
        if (decision.policies().isEmpty()) {
            return;
        }
        StringBuilder policy = new StringBuilder(96);
        StringBuilder limit = new StringBuilder(64);
        for (PolicyStatus status : decision.policies()) {
            if (!policy.isEmpty()) {
                policy.append(", ");
                limit.append(", ");
            }
            String name = status.policy().wireName();
            policy.append('"')
                    .append(name)
                    .append("\";q=")
                    .append(status.limit())
                    .append(";w=")
                    .append(status.windowSeconds());
            limit.append('"')
                    .append(name)
                    .append("\";r=")
                    .append(status.remaining())
                    .append(";t=")
                    .append(status.resetSeconds());
        }
        headers.accept(POLICY, policy.toString());
        headers.accept(LIMIT, limit.toString());
    }
}
