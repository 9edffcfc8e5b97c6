package dev.metricgate.starter;

import java.util.Map;

/**
 * What the protected API does with one call: proceed (with the RateLimit headers on its response) or
 * answer at once with a problem.
 *
 * @param headers added to the response either way, in order
 * @param body {@code application/problem+json}; empty when the call proceeds
 */
public record Verdict(boolean proceed, int status, Map<String, String> headers, byte[] body) {

    public static final String PROBLEM_JSON = "application/problem+json";
}
