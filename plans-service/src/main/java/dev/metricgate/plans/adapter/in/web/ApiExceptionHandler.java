package dev.metricgate.plans.adapter.in.web;

import dev.metricgate.kit.web.ProblemExceptionHandler;
import dev.metricgate.kit.web.Problems;
import dev.metricgate.plans.application.ProvisioningException;
import dev.metricgate.plans.domain.ConflictException;
import dev.metricgate.plans.domain.DomainException;
import dev.metricgate.plans.domain.ForbiddenException;
import dev.metricgate.plans.domain.NotFoundException;
import dev.metricgate.plans.domain.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place where plans-service's exceptions become problem+json. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolation(RuleViolationException e) {
        return domain(HttpStatus.UNPROCESSABLE_CONTENT, "Rule violated", e);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return domain(HttpStatus.NOT_FOUND, "Not found", e);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        return domain(HttpStatus.CONFLICT, "Conflict", e);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e) {
        return domain(HttpStatus.FORBIDDEN, "Forbidden", e);
    }

    @ExceptionHandler(ProvisioningException.class)
    ResponseEntity<Object> provisioning(ProvisioningException e) {
        log.warn("Provisioning in Keycloak failed: {}", e.getMessage(), e.getCause());
        return switch (e.reason()) {
            case UNAVAILABLE ->
                problem(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "keycloak.unavailable",
                        "Identity provider unavailable",
                        e.getMessage()));
            case CONFLICT ->
                problem(Problems.of(
                        HttpStatus.CONFLICT, "admin.already_exists", "User already exists", e.getMessage()));
            case FAILED ->
                problem(Problems.of(
                        HttpStatus.BAD_GATEWAY, "keycloak.failed", "Identity provider failed", e.getMessage()));
        };
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        log.warn("Constraint violated", e);
        return problem(
                Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", "The change conflicts with the stored data."));
    }

    private static ResponseEntity<Object> domain(HttpStatus status, String title, DomainException e) {
        return problem(Problems.of(status, e.code(), title, e.getMessage()));
    }
}
