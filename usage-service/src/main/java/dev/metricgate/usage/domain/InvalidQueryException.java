package dev.metricgate.usage.domain;

import java.util.Map;

/** A report query whose parameters do not make sense together; names the offending fields. */
public class InvalidQueryException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidQueryException(Map<String, String> fieldErrors) {
        super("invalid query: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
