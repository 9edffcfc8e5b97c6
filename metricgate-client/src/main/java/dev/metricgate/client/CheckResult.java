package dev.metricgate.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What enforcement-service decided, one type per answer a caller handles differently. A {@code
 * switch} over the four covers every answer, including "no answer".
 */
public sealed interface CheckResult
        permits CheckResult.Allowed, CheckResult.Denied, CheckResult.InvalidKey, CheckResult.Unavailable {

    Outcome outcome();

    /** The RateLimit headers to forward; {@link RateLimitHeaders#NONE} when the service sent none. */
    RateLimitHeaders headers();

    enum Outcome {
        ALLOWED,
        DENIED,
        INVALID_KEY,
        UNAVAILABLE;

        /** The value of metric tags: {@code allowed}, {@code denied}, {@code invalid_key}, {@code unavailable}. */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** 200: the call may proceed; the policies of the chain and what is left of each. */
    record Allowed(UUID tenantId, UUID apiKeyId, List<PolicyStatus> policies, RateLimitHeaders headers)
            implements CheckResult {

        public Allowed {
            policies = List.copyOf(policies);
        }

        @Override
        public Outcome outcome() {
            return Outcome.ALLOWED;
        }
    }

    /**
     * 429: a limit of the chain is exhausted.
     *
     * @param policy the violated policy: {@code rate}, {@code route} or {@code quota}
     * @param tenantLevel the level of the tenant whose limit denied (1 is the root of the tree)
     * @param retryAfter when the call may succeed again
     * @param problem the service's problem; its code is {@code rate_limited} or {@code quota_exceeded}
     */
    record Denied(String policy, int tenantLevel, Duration retryAfter, Problem problem, RateLimitHeaders headers)
            implements CheckResult {

        public boolean quotaExceeded() {
            return Problem.QUOTA_EXCEEDED.equals(problem.code());
        }

        @Override
        public Outcome outcome() {
            return Outcome.DENIED;
        }
    }

    /**
     * 401: the key is missing, malformed, unknown, revoked or expired, or its tenant is suspended: the
     * service gives one answer for all of them.
     */
    record InvalidKey(Problem problem) implements CheckResult {

        @Override
        public Outcome outcome() {
            return Outcome.INVALID_KEY;
        }

        @Override
        public RateLimitHeaders headers() {
            return RateLimitHeaders.NONE;
        }
    }

    /**
     * No decision: the service answered 503 (its counters are unreachable and the plan fails closed),
     * did not answer within the timeout, could not be reached, or answered something it never sends.
     * Whether the call proceeds is the caller's policy (fail open or closed).
     *
     * @param retryAfter the service's {@code Retry-After}, when it sent one
     * @param detail what happened, for logs (never the key)
     * @param error the exception behind it, or {@code null}
     */
    record Unavailable(Cause cause, Optional<Duration> retryAfter, String detail, Throwable error)
            implements CheckResult {

        public enum Cause {
            /** 503 {@code enforcement_unavailable}. */
            SERVICE_UNAVAILABLE,
            /** No answer within the client's timeout. */
            TIMEOUT,
            /** The connection failed (refused, reset, unknown host). */
            UNREACHABLE,
            /** A status or body the check API does not define, e.g. 404 from a wrong base URL. */
            UNEXPECTED_ANSWER
        }

        @Override
        public Outcome outcome() {
            return Outcome.UNAVAILABLE;
        }

        @Override
        public RateLimitHeaders headers() {
            return RateLimitHeaders.NONE;
        }
    }
}
