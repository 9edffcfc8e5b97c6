package dev.metricgate.usage.adapter.in.web;

import dev.metricgate.kit.web.FieldError;
import dev.metricgate.kit.web.ProblemExceptionHandler;
import dev.metricgate.kit.web.Problems;
import dev.metricgate.usage.domain.InvalidQueryException;
import dev.metricgate.usage.domain.TenantNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place where usage-service's exceptions become problem+json. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemExceptionHandler {

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Object> handleInvalidQuery(InvalidQueryException ex) {
        return badRequest(ex.fieldErrors().entrySet().stream()
                .map(error -> new FieldError(error.getKey(), error.getValue()))
                .toList());
    }

    @ExceptionHandler(TenantNotFoundException.class)
    ResponseEntity<Object> handleTenantNotFound(TenantNotFoundException ex) {
        return problem(Problems.of(
                HttpStatus.NOT_FOUND,
                "tenant.not_found",
                "Tenant not found",
                "Tenant " + ex.tenantId() + " does not exist."));
    }
}
