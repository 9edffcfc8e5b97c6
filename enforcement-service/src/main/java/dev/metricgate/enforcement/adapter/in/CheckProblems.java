package dev.metricgate.enforcement.adapter.in;

import dev.metricgate.enforcement.domain.Decision;
import dev.metricgate.enforcement.domain.LimitCheck;
import dev.metricgate.enforcement.domain.Policy;
import dev.metricgate.kit.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problems a check answers when it does not allow the call: the body of {@code POST /v1/check}'s
 * 401, 429 and 503, and the body Envoy gives its client from the rate limit service's answer.
 */
public final class CheckProblems {

    private CheckProblems() {}

    /** Missing, malformed, unknown, revoked, expired key or inactive tenant: one answer for all. */
    public static ProblemDetail invalidKey() {
        return Problems.of(
                HttpStatus.UNAUTHORIZED,
                "invalid_api_key",
                "Invalid API key",
                "The X-Api-Key header is missing or does not name a usable key.");
    }

    /** A limit of the chain is exhausted. */
    public static ProblemDetail denied(Decision decision) {
        LimitCheck denied = decision.denied();
        boolean quota = denied.policy() == Policy.QUOTA;
        String what = switch (denied.policy()) {
            case RATE -> "rate limit";
            case ROUTE -> "rate limit of route " + denied.route();
            case QUOTA -> "billing-period quota";
        };
        ProblemDetail problem = Problems.of(
                HttpStatus.TOO_MANY_REQUESTS,
                quota ? "quota_exceeded" : "rate_limited",
                quota ? "Quota exceeded" : "Rate limited",
                "The " + what + " of the tenant at level " + denied.tenant().level() + " is exhausted.");
        problem.setProperty("policy", denied.policy().wireName());
        problem.setProperty("tenantLevel", denied.tenant().level());
        problem.setProperty("retryAfterSeconds", decision.retryAfterSeconds());
        return problem;
    }

    /** Redis is unreachable and the plan fails closed, or the key cannot be resolved. */
    public static ProblemDetail unavailable() {
        return Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "enforcement_unavailable",
                "Enforcement unavailable",
                "Limits cannot be checked right now; retry later.");
    }
}
