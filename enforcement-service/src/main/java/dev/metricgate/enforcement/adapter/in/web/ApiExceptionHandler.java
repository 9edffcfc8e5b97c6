package dev.metricgate.enforcement.adapter.in.web;

import dev.metricgate.enforcement.domain.CountersUnavailableException;
import dev.metricgate.enforcement.domain.Decision;
import dev.metricgate.enforcement.domain.InvalidApiKeyException;
import dev.metricgate.enforcement.domain.LimitCheck;
import dev.metricgate.enforcement.domain.Policy;
import dev.metricgate.kit.web.ProblemExceptionHandler;
import dev.metricgate.kit.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place where enforcement-service's exceptions become problem+json. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemExceptionHandler {

    /** Missing, malformed, unknown, revoked, expired key or inactive tenant: one answer for all. */
    @ExceptionHandler(InvalidApiKeyException.class)
    ResponseEntity<Object> handleInvalidKey(InvalidApiKeyException ex) {
        ProblemDetail problem = Problems.of(
                HttpStatus.UNAUTHORIZED,
                "invalid_api_key",
                "Invalid API key",
                "The X-Api-Key header is missing or does not name a usable key.");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey realm=\"metricgate\"")
                .body(problem);
    }

    @ExceptionHandler(InvalidCheckRequestException.class)
    ResponseEntity<Object> handleInvalidCheck(InvalidCheckRequestException ex) {
        return ex.errors().isEmpty() ? unreadableBody(ex.getCause()) : badRequest(ex.errors());
    }

    @ExceptionHandler(RequestDeniedException.class)
    ResponseEntity<Object> handleDenied(RequestDeniedException ex) {
        Decision decision = ex.decision();
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
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        RateLimitHeaders.apply(decision, headers::set);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .headers(headers)
                .body(problem);
    }

    @ExceptionHandler(CountersUnavailableException.class)
    ResponseEntity<Object> handleUnavailable(CountersUnavailableException ex) {
        ProblemDetail problem = Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "enforcement_unavailable",
                "Enforcement unavailable",
                "Limits cannot be checked right now; retry later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .body(problem);
    }
}
