package dev.metricgate.enforcement.adapter.in.web;

import dev.metricgate.enforcement.adapter.in.CheckProblems;
import dev.metricgate.enforcement.adapter.in.RateLimitHeaders;
import dev.metricgate.enforcement.domain.CountersUnavailableException;
import dev.metricgate.enforcement.domain.Decision;
import dev.metricgate.enforcement.domain.InvalidApiKeyException;
import dev.metricgate.kit.web.ProblemExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place where enforcement-service's exceptions become problem+json. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemExceptionHandler {

    /** Missing, malformed, unknown, revoked, expired key or inactive tenant: one answer for all. */
    /** Missing, malformed, unknown, revoked, expired key or inactive tenant: one answer for all. */
    @ExceptionHandler(InvalidApiKeyException.class)
    ResponseEntity<Object> handleInvalidKey(InvalidApiKeyException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey realm=\"metricgate\"")
                .body(CheckProblems.invalidKey());
    }

    @ExceptionHandler(InvalidCheckRequestException.class)
    ResponseEntity<Object> handleInvalidCheck(InvalidCheckRequestException ex) {
        return ex.errors().isEmpty() ? unreadableBody(ex.getCause()) : badRequest(ex.errors());
    }

    @ExceptionHandler(RequestDeniedException.class)
    ResponseEntity<Object> handleDenied(RequestDeniedException ex) {
        Decision decision = ex.decision();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        RateLimitHeaders.apply(decision, headers::set);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .headers(headers)
                .body(CheckProblems.denied(decision));
    }

    @ExceptionHandler(CountersUnavailableException.class)
    ResponseEntity<Object> handleUnavailable(CountersUnavailableException ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .body(CheckProblems.unavailable());
    }
}
