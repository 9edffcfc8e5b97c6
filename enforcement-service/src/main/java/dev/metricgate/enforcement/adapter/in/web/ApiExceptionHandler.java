package dev.metricgate.enforcement.adapter.in.web;

import dev.metricgate.kit.web.ProblemExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place where enforcement-service's exceptions become problem+json. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemExceptionHandler {}
