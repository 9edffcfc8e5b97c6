package dev.metricgate.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@code POST /v1/check}'s answers (and its failures to answer) as {@link CheckResult}s. */
final class Answers {

    private final JsonMapper json;

    Answers(JsonMapper json) {
        this.json = json;
    }

    CheckResult read(int status, HttpHeaders headers, byte[] body) {
        try {
            return switch (status) {
                case 200 -> allowed(json.readTree(body), rateLimitHeaders(headers));
                case 429 -> denied(json.readTree(body), headers);
                case 401 -> new CheckResult.InvalidKey(problem(json.readTree(body), status));
                case 503 ->
                    new CheckResult.Unavailable(
                            CheckResult.Unavailable.Cause.SERVICE_UNAVAILABLE,
                            retryAfter(headers),
                            "enforcement-service answered 503: its counters are unreachable and the plan fails closed",
                            null);
                case 400 ->
                    throw new IllegalArgumentException("enforcement-service refused the check: "
                            + json.readTree(body).path("detail").asString(""));
                default -> unexpected("enforcement-service answered HTTP " + status, null);
            };
        } catch (JacksonException | IllegalStateException e) {
            return unexpected("enforcement-service answered HTTP " + status + " with an unreadable body", e);
        }
    }

    /** A send that ended without an answer: timed out, refused, reset. */
    CheckResult failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return new CheckResult.Unavailable(
                    CheckResult.Unavailable.Cause.TIMEOUT,
                    Optional.empty(),
                    "no answer in time: " + cause.getMessage(),
                    cause);
        }
        if (cause instanceof ConnectException || cause instanceof IOException) {
            return new CheckResult.Unavailable(
                    CheckResult.Unavailable.Cause.UNREACHABLE,
                    Optional.empty(),
                    "enforcement-service unreachable: " + cause,
                    cause);
        }
        if (cause instanceof IllegalArgumentException illegal) {
            throw illegal;
        }
        return unexpected("the check failed: " + cause, cause);
    }

    private static CheckResult.Allowed allowed(JsonNode body, RateLimitHeaders headers) {
        List<PolicyStatus> policies = new ArrayList<>();
        for (JsonNode policy : body.path("policies")) {
            policies.add(new PolicyStatus(
                    policy.path("name").asString(),
                    policy.path("limit").asLong(),
                    policy.path("remaining").asLong(),
                    policy.path("resetSeconds").asLong()));
        }
        return new CheckResult.Allowed(uuid(body.path("tenantId")), uuid(body.path("apiKeyId")), policies, headers);
    }

    private static CheckResult.Denied denied(JsonNode body, HttpHeaders headers) {
        Duration retryAfter = retryAfter(headers)
                .orElseGet(
                        () -> Duration.ofSeconds(body.path("retryAfterSeconds").asLong(1)));
        return new CheckResult.Denied(
                body.path("policy").asString(""),
                body.path("tenantLevel").asInt(0),
                retryAfter,
                problem(body, 429),
                rateLimitHeaders(headers));
    }

    private static Problem problem(JsonNode body, int status) {
        return new Problem(
                body.path("type").asString(""),
                body.path("title").asString(""),
                body.path("status").asInt(status),
                body.path("detail").asString(""),
                body.path("code").asString(""));
    }

    private static UUID uuid(JsonNode node) {
        if (!node.isString()) {
            throw new IllegalStateException("missing id");
        }
        return UUID.fromString(node.asString());
    }

    private static RateLimitHeaders rateLimitHeaders(HttpHeaders headers) {
        String policy = headers.firstValue(RateLimitHeaders.POLICY_HEADER).orElse(null);
        String limit = headers.firstValue(RateLimitHeaders.LIMIT_HEADER).orElse(null);
        return policy == null && limit == null ? RateLimitHeaders.NONE : new RateLimitHeaders(policy, limit);
    }

    private static Optional<Duration> retryAfter(HttpHeaders headers) {
        OptionalLong seconds = headers.firstValueAsLong("Retry-After");
        return seconds.isPresent() ? Optional.of(Duration.ofSeconds(seconds.getAsLong())) : Optional.empty();
    }

    private static CheckResult.Unavailable unexpected(String detail, Throwable error) {
        return new CheckResult.Unavailable(
                CheckResult.Unavailable.Cause.UNEXPECTED_ANSWER, Optional.empty(), detail, error);
    }
}
