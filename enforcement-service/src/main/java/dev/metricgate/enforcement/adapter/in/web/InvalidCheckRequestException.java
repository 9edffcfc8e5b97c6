package dev.metricgate.enforcement.adapter.in.web;

import dev.metricgate.kit.web.FieldError;
import java.util.List;
import tools.jackson.core.JacksonException;

/** A check body that is not JSON ({@link #getCause()}) or has fields out of range ({@link #errors()}). */
class InvalidCheckRequestException extends RuntimeException {

    private final transient List<FieldError> errors;

    InvalidCheckRequestException(JacksonException unreadable) {
        super("unreadable check body", unreadable, false, false);
        this.errors = List.of();
    }

    InvalidCheckRequestException(List<FieldError> errors) {
        super("invalid check body", null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
