package dev.metricgate.client;

import java.util.function.BiConsumer;

/**
 * The {@code RateLimit-Policy} and {@code RateLimit} header values of the IETF httpapi RateLimit
 * header fields draft, as enforcement-service sent them, ready to be copied onto the API's own
 * response (e.g. {@code "rate";q=100;w=1} and {@code "rate";r=42;t=1}).
 *
 * @param policy the {@code RateLimit-Policy} value, or {@code null}
 * @param limit the {@code RateLimit} value, or {@code null}
 */
public record RateLimitHeaders(String policy, String limit) {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String LIMIT_HEADER = "RateLimit";
    public static final RateLimitHeaders NONE = new RateLimitHeaders(null, null);

    public boolean isEmpty() {
        return policy == null && limit == null;
    }

    /** Hands each present header to {@code headers} as (name, value). */
    public void forEach(BiConsumer<String, String> headers) {
        if (policy != null) {
            headers.accept(POLICY_HEADER, policy);
        }
        if (limit != null) {
            headers.accept(LIMIT_HEADER, limit);
        }
    }
}
