package dev.metricgate.plans.adapter.in.web;

import dev.metricgate.kit.web.ProblemExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place where plans-service's exceptions become problem+json. */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemExceptionHandler {}
