package dev.metricgate.usage.adapter.in.web;

import dev.metricgate.kit.web.ProblemExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place where usage-service's exceptions become problem+json. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemExceptionHandler {}
