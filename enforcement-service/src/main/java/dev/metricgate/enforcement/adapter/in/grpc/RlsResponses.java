package dev.metricgate.enforcement.adapter.in.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import dev.metricgate.enforcement.adapter.in.CheckProblems;
import dev.metricgate.enforcement.adapter.in.RateLimitHeaders;
import dev.metricgate.enforcement.domain.Decision;
import dev.metricgate.enforcement.domain.Policy;
import dev.metricgate.enforcement.domain.PolicyStatus;
import dev.metricgate.kit.web.Problems;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse.Code;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse.DescriptorStatus;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse.RateLimit;
import io.envoyproxy.envoy.service.ratelimit.v3.RateLimitResponse.RateLimit.Unit;
import java.util.Comparator;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.ObjectWriter;

/**
 * Writes a decision as Envoy's {@code RateLimitResponse} (ADR 0021): {@code OK} or
 * {@code OVER_LIMIT}; per descriptor the status of the policy that binds; the RateLimit headers for
 * the client, with {@code Retry-After} and the problem body when the call is not allowed.
 */
final class RlsResponses {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectWriter problems;

    RlsResponses(ObjectWriter problems) {
        this.problems = problems;
    }

    RateLimitResponse decided(Decision decision, int descriptors) {
        Code code = decision.allowed() ? Code.OK : Code.OVER_LIMIT;
        DescriptorStatus.Builder status = DescriptorStatus.newBuilder().setCode(code);
        PolicyStatus binding = binding(decision);
        if (binding != null) {
            status.setCurrentLimit(limit(binding))
                    .setLimitRemaining((int) Math.min(Integer.MAX_VALUE, Math.max(0, binding.remaining())))
                    .setDurationUntilReset(Duration.newBuilder().setSeconds(binding.resetSeconds()));
        }
        RateLimitResponse.Builder response = RateLimitResponse.newBuilder().setOverallCode(code);
        for (int i = 0; i < descriptors; i++) {
            response.addStatuses(status);
        }
        RateLimitHeaders.apply(decision, (name, value) -> header(response, name, value));
        if (!decision.allowed()) {
            header(response, "Retry-After", Long.toString(decision.retryAfterSeconds()));
            withProblem(response, CheckProblems.denied(decision));
        }
        return response.build();
    }

    /** A key that cannot be used is never allowed: over the limit, with the 401 problem as body. */
    RateLimitResponse invalidKey(int descriptors) {
        RateLimitResponse.Builder response = RateLimitResponse.newBuilder().setOverallCode(Code.OVER_LIMIT);
        for (int i = 0; i < descriptors; i++) {
            response.addStatuses(DescriptorStatus.newBuilder().setCode(Code.OVER_LIMIT));
        }
        header(response, "WWW-Authenticate", "ApiKey realm=\"metricgate\"");
        return withProblem(response, CheckProblems.invalidKey()).build();
    }

    /** The denied policy, else the one with the least left. */
    private static PolicyStatus binding(Decision decision) {
        if (decision.denied() != null) {
            for (PolicyStatus status : decision.policies()) {
                if (status.policy() == decision.denied().policy()) {
                    return status;
                }
            }
        }
        return decision.policies().stream()
                .min(Comparator.comparingLong(PolicyStatus::remaining))
                .orElse(null);
    }

    /** A bucket as its refill rate per second (burst aside), a quota per billing period, a month. */
    static RateLimit limit(PolicyStatus status) {
        RateLimit.Builder limit = RateLimit.newBuilder().setName(status.policy().wireName());
        if (status.policy() == Policy.QUOTA) {
            return limit.setUnit(Unit.MONTH)
                    .setRequestsPerUnit(clamp(status.limit()))
                    .build();
        }
        return limit.setUnit(Unit.SECOND)
                .setRequestsPerUnit(clamp(status.refillPerSecond()))
                .build();
    }

    private RateLimitResponse.Builder withProblem(RateLimitResponse.Builder response, ProblemDetail problem) {
        header(response, "Content-Type", PROBLEM_JSON);
        return response.setRawBody(ByteString.copyFrom(problems.writeValueAsBytes(Problems.document(problem))));
    }

    private static void header(RateLimitResponse.Builder response, String name, String value) {
        response.addResponseHeadersToAdd(HeaderValue.newBuilder().setKey(name).setValue(value));
    }

    private static int clamp(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
