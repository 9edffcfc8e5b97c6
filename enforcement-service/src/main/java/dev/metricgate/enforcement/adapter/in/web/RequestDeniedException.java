package dev.metricgate.enforcement.adapter.in.web;

import dev.metricgate.enforcement.domain.Decision;

/** A check the limits denied; becomes a 429 in {@link ApiExceptionHandler}. No stack trace: it is an answer. */
final class RequestDeniedException extends RuntimeException {

    private final transient Decision decision;

    RequestDeniedException(Decision decision) {
        super("denied", null, false, false);
        this.decision = decision;
    }

    Decision decision() {
        return decision;
    }
}
